/**
 * Listing benchmark (issue 3): 100,000 keys under one prefix of the test RGW, listed
 * (1) through the core's dispatch exactly as the renderer asks for pages, timing the
 * first page of rows in the UI's sorted model and the full listing, and
 * (2) by aws-cli's `aws s3api list-objects-v2` (all pages), in the same run (Debian's awscli,
 * installed first when missing and the benchmark runs as root: benchPeers.ts).
 * Also prints the memory held per listed key. The last line is one JSON object.
 *
 * The keys stay in the bucket `stowage-bench-list` (seeded once, then reused) so
 * later runs take seconds, not minutes. Run: npm run bench:list
 * (`BENCH_ONLY=search` leaves out aws-cli: the listing and the search still run, so the
 * search is compared with a listing of the same keys in the same run, under the same load).
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SearchUpdate } from '../../shared/contract/search.js';
import type { FileEntry } from '../../shared/files.js';
import { sortEntries } from '../../renderer/src/lib/entries.js';
import { coreClient } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { testS3Client } from '../support/s3Fixtures.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import { awsCliPeer, findPeers } from './benchPeers.js';

const keys = Number(process.env.BENCH_KEYS ?? 100_000);
const bucket = 'stowage-bench-list';
const prefix = `bench-${keys}/`;
const doneMarker = `${prefix.slice(0, -1)}.complete`;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const env = readTestbedEnv();
const withPeers = process.env.BENCH_ONLY !== 'search';
const peers = withPeers ? findPeers({ aws: awsCliPeer }) : undefined;
const s3 = testS3Client(env);

async function seed(): Promise<void> {
  const ready = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: doneMarker })).then(
    () => true,
    () => false,
  );
  if (ready) return;
  await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined);
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < keys; i = next++) {
      const key = `${prefix}object-${String(i).padStart(6, '0')}.dat`;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(i % 64) }));
      if (i % 10_000 === 0) console.log(`seeding: ${i} of ${keys} (${Math.round((performance.now() - started) / 1000)} s)`);
    }
  };
  await Promise.all(Array.from({ length: 128 }, worker));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: doneMarker, Body: Buffer.from('') }));
}

/**
 * Search (issue 25) over the same keys, as the window asks: from `search:start` to the first
 * match in an update, and to the last update. `99.dat` matches one key in a hundred, spread
 * through the whole prefix, so the first page already holds matches and the search still
 * has to list every key.
 */
async function searchThroughCore(h: HeadlessCore, call: ReturnType<typeof coreClient>, connectionId: string): Promise<{ searchFirstMatchMs: number; searchFullMs: number }> {
  const searchId = 'bench-search';
  let firstMatchMs = 0;
  let matches = 0;
  const started = performance.now();
  const ended = new Promise<SearchUpdate>((resolve) => {
    const stop = h.core.events.subscribe((channel, payload) => {
      if (channel !== 'search:update') return;
      const update = payload as SearchUpdate;
      if (update.searchId !== searchId) return;
      matches += update.found.length;
      if (!firstMatchMs && update.found.length > 0) firstMatchMs = performance.now() - started;
      if (update.state !== 'running') {
        stop();
        resolve(update);
      }
    });
  });
  await call('search:start', { searchId, connectionId, path: `/${bucket}/${prefix}`, query: '99.dat', requestBudget: 1_000_000 });
  const last = await ended;
  const searchFullMs = performance.now() - started;
  if (last.state !== 'done' || last.scanned !== keys || matches !== keys / 100) {
    throw new Error(`search ended ${last.state} after ${last.scanned} keys with ${matches} matches, expected ${keys} keys and ${keys / 100}`);
  }
  return { searchFirstMatchMs: firstMatchMs, searchFullMs };
}

async function listThroughCore(): Promise<{ firstPageMs: number; fullMs: number; bytesPerKey: number; rows: number; searchFirstMatchMs: number; searchFullMs: number }> {
  const h = await startHeadlessCore();
  try {
    const call = coreClient(h.core);
    const saved = await call('connections:save', {
      draft: {
        protocol: 's3',
        name: 'bench',
        endpoint: { kind: 'custom', url: env.s3.endpoint },
        region: env.s3.region,
        forcePathStyle: true,
        rememberSecret: false,
        auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
      },
    });
    await call('connections:connect', { id: saved.id });
    const path = `/${bucket}/${prefix}`;
    // Warm the connection (and the bucket's region) like an open browser would be.
    await call('fs:list', { connectionId: saved.id, path: `/${bucket}/` });

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const rows: FileEntry[] = [];
    let firstPageMs = 0;
    let cursor: string | undefined;
    do {
      const page = await call('fs:list', cursor ? { connectionId: saved.id, path, cursor } : { connectionId: saved.id, path });
      for (const e of page.entries) rows.push(e);
      if (!firstPageMs) {
        // The first screen of the UI: the sorted model the grid renders from.
        sortEntries(rows, { key: 'name', dir: 'asc' });
        firstPageMs = performance.now() - started;
      }
      cursor = page.nextCursor;
    } while (cursor);
    const fullMs = performance.now() - started;
    gc();
    const bytesPerKey = (process.memoryUsage().heapUsed - heapBefore) / rows.length;
    if (rows.length !== keys) throw new Error(`listed ${rows.length} rows, expected ${keys}`);
    const search = await searchThroughCore(h, call, saved.id);
    return { firstPageMs, fullMs, bytesPerKey, rows: rows.length, ...search };
  } finally {
    await h.dispose();
  }
}

function awsCli(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      peers!.aws,
      ['s3api', 'list-objects-v2', '--bucket', bucket, '--prefix', prefix, '--delimiter', '/', '--endpoint-url', env.s3.endpoint, '--output', 'json'],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: env.s3.accessKeyId,
          AWS_SECRET_ACCESS_KEY: env.s3.secretAccessKey,
          AWS_DEFAULT_REGION: env.s3.region,
          AWS_CA_BUNDLE: undefined,
          AWS_PAGER: '',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`aws exited with ${code}`));
      else if (bytes < keys * 50) reject(new Error(`aws printed only ${bytes} bytes: did it list everything?`));
      else resolve(performance.now() - started);
    });
  });
}

await seed();
const core = await listThroughCore();
const awsCliMs = peers ? await awsCli() : Number.NaN;
const result = {
  keys: core.rows,
  firstPageMs: Math.round(core.firstPageMs),
  fullMs: Math.round(core.fullMs),
  awsCliMs: Math.round(awsCliMs),
  bytesPerKey: Math.round(core.bytesPerKey),
  searchFirstMatchMs: Math.round(core.searchFirstMatchMs),
  searchFullMs: Math.round(core.searchFullMs),
  /** The listing's time over the search's: 1 or more meets the target (searching no slower than one full listing). */
  searchFullVsListing: Math.round((core.fullMs / core.searchFullMs) * 100) / 100,
};
console.log(`first page of rows ${result.firstPageMs} ms (target ≤ 300) · full listing ${result.fullMs} ms · aws-cli ${result.awsCliMs} ms · ${result.bytesPerKey} bytes held per key (aim < 300) · search: first match ${result.searchFirstMatchMs} ms (target ≤ 300), whole prefix ${result.searchFullMs} ms (target ≤ full listing: listing/search ${result.searchFullVsListing}, target ≥ 1)`);
console.log(JSON.stringify(result));
