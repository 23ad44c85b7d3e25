import type { sftpOperations } from '../../../../shared/contract/sftp.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function sftpHandlers(_services: Services): DomainHandlers<typeof sftpOperations> {
  return {};
}
