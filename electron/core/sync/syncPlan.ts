import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { SyncAction, SyncActionKind, SyncPairDraft, SyncPlan, SyncTotals } from '../../../shared/contract/sync.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { safeRelativePath } from '../lib/safeRelative.js';
import { decide, type SideFile } from './compareRule.js';
import { excluder } from './excludes.js';
import { codedError } from '../errors.js';
import { listLocal, listRemote, remoteChild, type LocalFile } from './syncListings.js';
import type { Listing } from './syncSide.js';

/** An action with what running it needs, kept in the core. */
export interface PlannedAction extends SyncAction {
  localPath: string;
  remotePath: string;
  /** Upload: the local file's modification time for x-amz-meta-mtime. */
  mtimeNs?: bigint;
}

export interface FullPlan extends Omit<SyncPlan, 'actions'> {
  actions: PlannedAction[];
  /** The destination's folders that exist already (writes to SFTP make the others first). */
  destinationFolders: Set<string>;
}

/** The sessions a plan reads: the pair's connection, and the peer's in place of the local folder. */
export interface SyncSessions {
  remote: RemoteSession;
  peer?: RemoteSession;
}

const kinds: SyncActionKind[] = ['upload', 'download', 'overwrite', 'delete', 'skip'];

export function totalsOf(actions: SyncAction[]): SyncTotals {
  const files = Object.fromEntries(kinds.map((k) => [k, 0])) as SyncTotals['files'];
  const bytes = Object.fromEntries(kinds.map((k) => [k, 0])) as SyncTotals['bytes'];
  for (const a of actions) {
    files[a.kind]++;
    bytes[a.kind] += a.kind === 'delete' || a.kind === 'skip' ? a.size : a.bytes;
  }
  return { files, bytes };
}

/** The near side: the local folder, or the peer's folder in its place. */
function listNear(sessions: SyncSessions, pair: SyncPairDraft, excluded: ReturnType<typeof excluder>, signal?: AbortSignal): Promise<Listing> {
  if (pair.peer && sessions.peer) return listRemote(sessions.peer, pair.peer.path, excluded, signal);
  if (!pair.localPath) throw codedError('invalidInput', 'coreSync:noLocal');
  return listLocal(pair.localPath, excluded);
}

/** Lists both sides and compares every file; nothing changes. */
export async function planSync(
  sessions: SyncSessions,
  pair: SyncPairDraft,
  pairId?: string,
  signal?: AbortSignal,
  onChecksumProgress: (done: number, total: number) => void = () => undefined,
): Promise<FullPlan> {
  const session = sessions.remote;
  const peer = pair.peer && sessions.peer ? { place: pair.peer, session: sessions.peer } : undefined;
  const byChecksum = pair.compare === 'checksum';
  if (byChecksum && (peer || !session.sync)) throw codedError('invalidInput', 'coreSync:checksumNeedsS3');
  const excluded = excluder(pair.excludes);
  const [local, remote] = await Promise.all([listNear(sessions, pair, excluded, signal), listRemote(session, pair.remotePath, excluded, signal)]);
  const upload = pair.direction === 'upload';
  const source: Listing = upload ? local : remote;
  const destination: Listing = upload ? remote : local;
  // A source folder that is not there is a mistake, not a folder to make the other side like.
  if (source.missing) throw codedError('notFound', 'coreSync:sourceMissing', { path: upload ? (peer?.place.path ?? pair.localPath) : pair.remotePath });
  const protocol = session.fs.protocol;
  // With a peer, `localPath` is the peer's path of the file.
  const nearPath = (rel: string) => (peer ? remoteChild(peer.session.fs.protocol, peer.place.path, rel) : join(pair.localPath, ...rel.split('/')));
  const paths = (rel: string) => ({ localPath: nearPath(rel), remotePath: remoteChild(protocol, pair.remotePath, rel) });

  const rels = [...source.files.keys()].sort();
  let requests = local.requests + remote.requests;
  let verdicts = new Map<string, 'same' | 'differs'>();
  if (byChecksum && session.sync) {
    const sameSize = [...local.files.values()].flatMap((f) => {
      const other = remote.files.get(f.relativePath);
      return other && other.size === f.size && safeRelativePath(f.relativePath) ? [{ relativePath: f.relativePath, localPath: nearPath(f.relativePath), size: f.size, remote: other }] : [];
    });
    const outcome = await session.sync.compareChecksums(pair.remotePath, sameSize, onChecksumProgress, signal);
    verdicts = outcome.verdicts;
    requests += outcome.requests;
  }

  // Where only the destination is a plain file system, names it cannot hold are skipped, and
  // a source whose listing says only when a file was written (S3) is asked when the
  // newer-looking ones last changed.
  const destinationIsS3 = (upload ? session : peer?.session)?.fs.protocol === 's3';
  const sourceSide = upload ? (peer ? { session: peer.session, root: peer.place.path } : undefined) : { session, root: pair.remotePath };
  if (sourceSide?.session.sync && !destinationIsS3) {
    const candidates = rels
      .filter((rel) => safeRelativePath(rel) && !verdicts.has(rel) && decide(pair.direction, source.files.get(rel)!, destination.files.get(rel)).reason === 'sourceNewer')
      .map((rel) => source.files.get(rel)!);
    requests += await sourceSide.session.sync.readOriginalMtimes(sourceSide.root, candidates, signal);
  }

  const actions: PlannedAction[] = [];
  for (const rel of rels) {
    const from = source.files.get(rel)!;
    const base = { id: actions.length, relativePath: rel, size: from.size, ...paths(rel) };
    if (!destinationIsS3 && !safeRelativePath(rel)) {
      actions.push({ ...base, kind: 'skip', reason: 'unsafeName', bytes: 0 });
      continue;
    }
    const { kind, reason } = decide(pair.direction, from, destination.files.get(rel), verdicts.get(rel));
    const mtimeNs = upload && !peer ? (from as LocalFile).mtimeNs : undefined;
    actions.push({ ...base, kind, reason, bytes: kind === 'skip' ? 0 : from.size, ...(mtimeNs !== undefined ? { mtimeNs } : {}) });
  }
  if (pair.deleteExtras) {
    for (const rel of [...destination.files.keys()].sort()) {
      if (source.files.has(rel)) continue;
      actions.push({ id: actions.length, relativePath: rel, size: destination.files.get(rel)!.size, kind: 'delete', reason: 'notInSource', bytes: 0, ...paths(rel) });
    }
  }
  const totals = totalsOf(actions);
  let deletesBecomeMarkers = false;
  const target = upload ? { session, path: pair.remotePath } : peer ? { session: peer.session, path: peer.place.path } : undefined;
  if (target?.session.sync && totals.files.delete > 0) {
    deletesBecomeMarkers = await target.session.sync.keepsVersions(target.path);
    requests++;
  }
  return { planId: randomUUID(), pairId, pair, actions, totals, deletesBecomeMarkers, requests, destinationFolders: destination.folders };
}

/** The plan as the window gets it: no local paths or times it does not show. */
export function publicPlan(plan: FullPlan): SyncPlan {
  const { destinationFolders: _folders, actions, ...rest } = plan;
  return { ...rest, actions: actions.map(({ id, relativePath, kind, reason, bytes, size }) => ({ id, relativePath, kind, reason, bytes, size })) };
}
