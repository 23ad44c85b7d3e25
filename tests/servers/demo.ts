/**
 * `npm run demo`: try Stowage without an AWS account. Starts the loopback S3 (Ceph RGW)
 * and SFTP (OpenSSH) servers, fills them with sample buckets and files, and opens the app
 * with both connections saved: in Electron where its binary is installed, otherwise the
 * renderer in a browser through the loopback bridge.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import type { ConnectionDraft } from '../../shared/connections.js';
import { createBucketWith, testS3Client } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { findElectron, previewInsteadLine } from './demoElectron.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const servers = join(root, 'tests/servers/servers.sh');

function sh(args: string[]): boolean {
  return spawnSync('bash', [servers, ...args], { stdio: 'inherit' }).status === 0;
}

if (spawnSync('bash', [servers, 'status'], { stdio: 'ignore' }).status !== 0) {
  if (!sh(['install']) || !sh(['start'])) {
    console.error('The demo servers could not start (see above for what to install).');
    process.exit(1);
  }
}
const env = readTestbedEnv();

const s3 = testS3Client(env);
const svg = (text: string, color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="100%" height="100%" fill="${color}"/><text x="20" y="110" font-size="28" fill="white">${text}</text></svg>`;
const samples: Record<string, Record<string, string>> = {
  'demo-photos': {
    'holidays/2026/beach.svg': svg('Beach', '#1e88e5'),
    'holidays/2026/mountains.svg': svg('Mountains', '#43a047'),
    'holidays/2025/city.svg': svg('City', '#8e24aa'),
    'README.txt': 'Sample photos for the Stowage demo.\n',
  },
  'demo-website': {
    'index.html': '<!doctype html><title>Demo site</title><h1>Hello from S3</h1>\n',
    'error.html': '<!doctype html><title>Not found</title><h1>404</h1>\n',
    'assets/site.css': 'body { font-family: sans-serif; }\n',
  },
  'demo-logs': Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [`app/2026-11-${String((i % 30) + 1).padStart(2, '0')}/part-${i}.log`, `line ${i}\n`]),
  ),
};
for (const [bucket, objects] of Object.entries(samples)) {
  try {
    await createBucketWith(s3, bucket, objects);
  } catch (error) {
    if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  }
}
await s3.send(new PutBucketVersioningCommand({ Bucket: 'demo-photos', VersioningConfiguration: { Status: 'Enabled' } }));

const sftpDemo = join(env.sftp.home, 'demo');
await mkdir(join(sftpDemo, 'releases'), { recursive: true });
await writeFile(join(sftpDemo, 'notes.md'), '# Server notes\n\nDeployed with Stowage.\n');
await writeFile(join(sftpDemo, 'releases', 'app-1.0.0.tar.gz'), Buffer.alloc(256 * 1024, 7));
spawnSync('chown', ['-R', `${env.sftp.username}:`, sftpDemo]);

const drafts: ConnectionDraft[] = [
  {
    protocol: 's3',
    name: 'Demo S3 (local Ceph)',
    endpoint: { kind: 'custom', url: env.s3.endpoint },
    region: env.s3.region,
    forcePathStyle: true,
    rememberSecret: true,
    auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
  },
  {
    protocol: 'sftp',
    name: 'Demo SFTP (local sshd)',
    host: env.sftp.host,
    port: env.sftp.port,
    username: env.sftp.username,
    rememberSecret: true,
    auth: { kind: 'password', password: env.sftp.password },
  },
];
const seed = join(tmpdir(), 'stowage-demo-connections.json');
await writeFile(seed, JSON.stringify(drafts), { mode: 0o600 });

const lookup = findElectron(process.env, undefined, (line) => console.log(line));
const electron = 'path' in lookup ? lookup.path : null;
// In Electron, native addons must be built for Electron; the browser preview runs the core on this Node.
const build = spawnSync('node', [join(root, 'electron/build.mjs'), ...(electron ? ['--electron'] : [])], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
if (electron) {
  console.log('Opening Stowage with the demo connections saved…');
  spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, STOWAGE_IMPORT_CONNECTIONS: seed } }).on('exit', (code) =>
    process.exit(code ?? 0),
  );
} else {
  if ('reason' in lookup) console.log(previewInsteadLine(lookup.reason));
  spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/bridge/serve.ts'), '--seed', seed], { stdio: 'inherit' }).on(
    'exit',
    (code) => process.exit(code ?? 0),
  );
}
