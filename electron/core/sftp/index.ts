// openSftpSession and loadPrivateKey load ssh2: they are imported on first use (see sessionManager).
export type { SftpSessionOptions } from './openSftpSession.js';
export { SftpSession } from './sftpSession.js';
export type { SftpAuth } from './sftpAuth.js';
export {
  HostKeyNotTrustedError,
  fingerprintSha256,
  knownHostsName,
  type HostKeyDecision,
  type HostKeyPolicy,
  type PresentedHostKey,
} from './hostKey.js';
export { KnownHosts, type HostKeyCheck, type KnownHostsOptions } from './knownHosts.js';
export { HostKeyChangedError, removalCommand, type SavedHostKey } from './hostKeyChanged.js';
export { knownHostsPolicy } from './knownHostsPolicy.js';
export { SftpFileSystem, type SftpFileSystemOptions } from './sftpFileSystem.js';
export {
  SftpTransferDriver,
  uploadPartPath,
  type SftpTransferDriverOptions,
  type SftpTransferOptions,
} from './sftpTransferDriver.js';
export { sftpErrorTranslator } from './sftpErrors.js';
export { ResilientSftpSession, ResilientSftpFileSystem } from './resilientSession.js';
export type { JumpHost } from './openSftpSession.js';
