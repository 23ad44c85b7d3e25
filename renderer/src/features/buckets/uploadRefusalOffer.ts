/**
 * Uploads a non-AWS server refused because the bucket's "Block public ACLs" is on (the core
 * names that cause in the failure): offer, once per failure and one question per bucket, to
 * turn off just that switch and retry them.
 */
import { isBlockPublicAclsRefusal } from '../../../../shared/buckets.js';
import { splitS3Path } from '../../../../shared/paths.js';
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { api, unwrap } from '../../api/client.js';
import { useTransfers } from '../transfers/transferStore.js';
import { uploadRefusalDialog } from './dialogs.js';

/** Failures already offered for, as `id@finishedAt`: a retry that fails again is a new failure. */
const offered = new Set<string>();
const failure = (t: TransferSnapshot) => `${t.id}@${t.finishedAt ?? 0}`;
const bucketOf = (t: TransferSnapshot) => splitS3Path(t.remotePath).bucket;

const refusedUploads = (byId: Record<string, TransferSnapshot>) =>
  Object.values(byId).filter((t) => t.direction === 'upload' && t.state === 'failed' && isBlockPublicAclsRefusal(t.error?.code));

function offerNext(byId: Record<string, TransferSnapshot>): void {
  if (uploadRefusalDialog.current()) return;
  const refused = refusedUploads(byId);
  const first = refused.find((t) => !offered.has(failure(t)));
  if (!first) return;
  // One question for all of the bucket's refused uploads.
  for (const t of refused) if (t.connectionId === first.connectionId && bucketOf(t) === bucketOf(first)) offered.add(failure(t));
  void uploadRefusalDialog.open({ connectionId: first.connectionId, bucket: bucketOf(first) }).then(() => offerNext(useTransfers.getState().byId));
}

/** Watches the transfers for such refusals; answers the unsubscribe. */
export function watchUploadRefusals(): () => void {
  offerNext(useTransfers.getState().byId);
  return useTransfers.subscribe((s, before) => {
    if (s.byId !== before.byId) offerNext(s.byId);
  });
}

/** Turns off only Block public ACLs (the other switches as they are), then retries the bucket's refused uploads. */
export async function allowUploads(connectionId: string, bucket: string): Promise<void> {
  const settings = await unwrap(api().buckets.settings({ connectionId, bucket }));
  if (settings.publicAccessBlock.supported) {
    await unwrap(api().buckets.setPublicAccessBlock({ connectionId, bucket, block: { ...settings.publicAccessBlock.value, blockPublicAcls: false } }));
  }
  const ids = refusedUploads(useTransfers.getState().byId)
    .filter((t) => t.connectionId === connectionId && bucketOf(t) === bucket)
    .map((t) => t.id);
  if (ids.length) await unwrap(api().transfers.retry({ ids }));
}
