import type { S3Client } from '@aws-sdk/client-s3';
import { coreMessage } from '../../../shared/i18n/englishMessages.js';
import { splitS3Path } from '../../../shared/paths.js';
import { cancelledError, codedError } from '../errors.js';
import type { TransferContext } from '../fs/remoteFileSystem.js';
import { allWorkers } from '../lib/eachLimited.js';
import { openForDownload } from '../lib/openForDownload.js';
import type { Range } from '../transfers/byteRanges.js';
import { extrasOf } from '../transfers/jobContext.js';
import { DownloadLedger } from './downloadLedger.js';
import { planDownload } from './downloadPlan.js';
import { verifyDownload } from './downloadVerification.js';
import type { Dispatcher } from 'undici';
import { fetchRangeDirect, fetchRangeSdk, writeChunk, type RangeSource } from './rangeFetch.js';
import { directDispatcher } from './s3Client.js';

/**
 * Downloads an object into `partPath` (the caller renames it into place). Large objects
 * come as ranged GETs in parallel, written positionally. Each piece's MD5 is taken once it
 * is written and checkpointed with it (DownloadLedger), so a resume fetches only the
 * missing pieces and the pieces already on disk can be proven unchanged. Every GET carries
 * If-Match on the ETag; at the end the file is checked against the ETag (verifyDownload).
 */
export async function downloadObject(client: S3Client, remotePath: string, partPath: string, ctx: TransferContext): Promise<void> {
  const x = extrasOf(ctx);
  const { bucket, key } = splitS3Path(remotePath);
  const plan = await planDownload(client, bucket, key, x, ctx.signal);
  const file = await openForDownload(partPath, plan.resumed !== undefined);
  const ledger = new DownloadLedger(plan, file, x, ctx.onProgress);
  try {
    if (!plan.resumed) await file.truncate(0);
    if (ledger.bytesOnDisk > 0) x.note(coreMessage('coreS3:notes.resumedDownload', { bytes: ledger.bytesOnDisk }));
    ctx.onProgress(ledger.bytesOnDisk);
    ledger.save();
    const source: RangeSource = { client, bucket, key, etag: plan.etag, size: plan.size, throttle: x.throttle, signal: ctx.signal };
    // A whole small object is one GET: the SDK's costs are not worth skipping there.
    const direct = plan.whole ? undefined : directDispatcher(client);
    // Every worker is waited for, so none still writes to the file once it is closed.
    await allWorkers(Math.max(1, Math.min(x.partsInFlight, plan.ranges.length)), (stopped) =>
      fetchRanges(source, plan.ranges, ledger, direct, stopped),
    );
    if ((await file.stat()).size > plan.size) await file.truncate(plan.size);
    const written = (await file.stat()).size;
    if (!ledger.complete || written !== plan.size) {
      throw codedError('network', 'coreS3:transfer.incomplete', { key, written, size: plan.size });
    }
  } finally {
    // The hashing workers read the file by its descriptor: it closes only once they are done.
    await ledger.hashesSettled();
    await file.close();
  }
  const { size, pieceSize, check } = plan;
  await verifyDownload({ path: partPath, key, size, pieceSize, hashes: ledger.hashes, earlier: ledger.earlier, check, drop: (s, e) => ledger.drop(s, e), note: x.note });
}

/**
 * One worker: takes ranges off the shared list until none is left. Each range comes
 * through the client's undici dispatcher where it can; when that answer is not the range
 * asked for (an error, an expired URL, a server that refuses presigned requests), the SDK
 * asks again and explains, and this worker stays with it.
 */
async function fetchRanges(source: RangeSource, ranges: Range[], ledger: DownloadLedger, direct: Dispatcher | undefined, stopped: () => boolean): Promise<void> {
  // One write block per worker for all its ranges: a block per GET was 128 MiB of garbage per GiB.
  let block: Buffer | undefined;
  for (let r = ranges.shift(); r && !stopped(); r = ranges.shift()) {
    if (source.signal.aborted) throw cancelledError();
    const [start, end] = r;
    block ??= Buffer.allocUnsafe(Math.min(writeChunk, Math.max(end - start, 1)));
    if (direct && (await fetchRangeDirect(source, direct, start, end, block, ledger.sinkFrom(start)))) continue;
    direct = undefined;
    await fetchRangeSdk(source, start, end, block, ledger.sinkFrom(start));
  }
}
