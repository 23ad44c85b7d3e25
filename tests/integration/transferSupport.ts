// Helpers shared by the transfer integration tests (not a test file itself).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { expect } from 'vitest';
import type { S3ConnectionDraft, SftpConnectionDraft } from '../../shared/connections.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import type { Core } from '../../electron/core/createCore.js';
import type { CoreHost } from '../../electron/core/host.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient } from '../support/coreClient.js';
import { createTestCore } from '../support/headlessCore.js';
import type { TestbedEnv } from '../support/testbedEnv.js';

export function s3Draft(env: TestbedEnv, endpoint = env.s3.endpoint): S3ConnectionDraft {
  return {
    protocol: 's3',
    name: 'RGW',
    endpoint: { kind: 'custom', url: endpoint },
    region: env.s3.region,
    forcePathStyle: true,
    rememberSecret: true,
    auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
  };
}

// One key for the whole test process: a restarted core must open the secrets the first one sealed.
const secretBox = createHeadlessSecretBox();

/** A core on a given data folder, so a test can stop it and start another on the same data; `extra` adds host abilities. */
export function coreOn(dataDir: string, homeDir: string, extra: Pick<CoreHost, 'showInFolder'> = {}): Promise<Core> {
  return createTestCore({ ...extra, dataDir, homeDir, secretBox });
}

export async function connectS3(core: Core, env: TestbedEnv, endpoint?: string): Promise<string> {
  const call = coreClient(core);
  const saved = await call('connections:save', { draft: s3Draft(env, endpoint) });
  const outcome = await call('connections:connect', { id: saved.id });
  expect(outcome.state).toBe('connected');
  return saved.id;
}

/** Saves and connects the test sshd with its ed25519 key, trusting its host key once. */
export async function connectSftp(core: Core, env: TestbedEnv): Promise<string> {
  const call = coreClient(core);
  const { host, port, username, keys } = env.sftp;
  const saved = await call('connections:save', { draft: { protocol: 'sftp', name: 'sshd', host, port, username, rememberSecret: false, auth: { kind: 'key', keyPath: keys.ed25519 } } });
  let outcome = await call('connections:connect', { id: saved.id });
  if (outcome.state === 'hostKeyPrompt') outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
  expect(outcome.state).toBe('connected');
  return saved.id;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path) as AsyncIterable<Buffer>) hash.update(piece);
  return hash.digest('hex');
}

/** Polls the queue until `test` holds for the transfer (no fixed sleeps). */
export async function waitFor(core: Core, id: string, test: (t: TransferSnapshot) => boolean, timeoutMs = 60_000): Promise<TransferSnapshot> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const t = core.transfers.list().find((x) => x.id === id);
    if (t && test(t)) return t;
    if (Date.now() > until) throw new Error(`transfer ${id} never got there: ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const MiB = 1024 * 1024;

export type { SftpConnectionDraft };
