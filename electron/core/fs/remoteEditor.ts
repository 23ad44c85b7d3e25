import { randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EditEvent, EditSession } from '../../../shared/contract/fs.js';
import type { FileEntry } from '../../../shared/files.js';
import { baseName } from '../../../shared/paths.js';
import { safeLocalTarget } from '../transfers/safeLocalPath.js';
import { englishMessage } from '../../../shared/i18n/englishMessages.js';
import { asAppError, codedError } from '../errors.js';
import { RemoteChangedError } from './remoteChanged.js';
import type { RemoteSession } from './remoteFileSystem.js';

export interface RemoteEditorOptions {
  /** The live session of a connection (throws when not connected). */
  session(connectionId: string): RemoteSession;
  /** Opens a local file in the user's default app (Electron's shell.openPath). */
  openLocally?(path: string): Promise<void>;
  /** Where temp copies go; one folder per edit under it. */
  tempRoot: string;
  emit(event: EditEvent): void;
  /** Saves often come as several writes (or write + rename): wait for quiet first. */
  settleMs?: number;
}

interface Edit extends EditSession {
  watcher: FSWatcher;
  /** The remote file as it was read or last written by us: any other version is someone else's change. */
  remote: FileEntry;
  /** The local copy as we last uploaded (or downloaded) it. */
  local: { size: number; mtimeMs: number };
  timer?: NodeJS.Timeout;
  busy: Promise<void>;
}

const neverCancelled = new AbortController().signal;

const isFile = (entry: FileEntry) => entry.kind === 'file' || (entry.kind === 'symlink' && entry.linkTargetKind === 'file');

/**
 * "Edit in local editor", on any protocol: downloads a temp copy, opens it, and uploads it
 * again each time it is saved, through the driver's `replaceIfUnchanged`, so a file changed
 * on the server meanwhile is never overwritten: that is said, and the local copy is kept.
 */
export class RemoteEditor {
  private readonly edits = new Map<string, Edit>();

  constructor(private readonly options: RemoteEditorOptions) {}

  async open(connectionId: string, remotePath: string): Promise<EditSession> {
    const session = this.options.session(connectionId);
    // Read before the download: a change between the two shows as a conflict on the first save, never as ours.
    const entry = await session.fs.stat(remotePath);
    if (!isFile(entry)) throw codedError('invalidInput', 'coreFs:editor.notAFile', { name: entry.name });
    await mkdir(this.options.tempRoot, { recursive: true });
    const dir = await mkdtemp(join(this.options.tempRoot, 'edit-'));
    // The remote name is hostile until cleaned (backslashes, "..", bidi controls, length): the copy stays in its folder.
    const localPath = safeLocalTarget(dir, baseName(remotePath)).path;
    try {
      await session.transfers.download(remotePath, localPath, { signal: neverCancelled, onProgress: () => undefined });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    const local = await stat(localPath);
    const editId = randomUUID();
    // The folder is watched, not the file: editors often save by writing a new file and renaming it over.
    const watcher = watch(dir, { persistent: false }, () => this.changed(editId));
    const edit: Edit = {
      editId,
      connectionId,
      remotePath,
      localPath,
      watcher,
      remote: entry,
      local: { size: local.size, mtimeMs: local.mtimeMs },
      busy: Promise.resolve(),
    };
    this.edits.set(editId, edit);
    if (this.options.openLocally) {
      await this.options.openLocally(localPath).catch((error: unknown) => {
        void this.stop(editId);
        throw codedError('unsupported', 'coreFs:editor.noApp', { name: baseName(remotePath), detail: asAppError(error).message });
      });
    }
    return { editId, connectionId, remotePath, localPath };
  }

  /** Stops watching and removes the temp copy. */
  async stop(editId: string): Promise<void> {
    const edit = this.edits.get(editId);
    if (!edit) return;
    this.edits.delete(editId);
    clearTimeout(edit.timer);
    edit.watcher.close();
    await edit.busy;
    await rm(join(edit.localPath, '..'), { recursive: true, force: true });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.edits.keys()].map((id) => this.stop(id)));
  }

  /** Resolves once any pending upload of this edit has finished (for tests and shutdown). */
  async settled(editId: string): Promise<void> {
    await this.edits.get(editId)?.busy;
  }

  private changed(editId: string): void {
    const edit = this.edits.get(editId);
    if (!edit) return;
    clearTimeout(edit.timer);
    edit.timer = setTimeout(() => {
      edit.busy = edit.busy.then(() => this.uploadIfSaved(edit));
    }, this.options.settleMs ?? 300);
  }

  private async uploadIfSaved(edit: Edit): Promise<void> {
    if (!this.edits.has(edit.editId)) return;
    const { editId, remotePath } = edit;
    try {
      const local = await stat(edit.localPath).catch(() => undefined);
      // Gone (mid-rename) or untouched since the last upload: nothing to do.
      if (!local || (local.size === edit.local.size && local.mtimeMs === edit.local.mtimeMs)) return;
      const session = this.options.session(edit.connectionId);
      const saved = { size: local.size, mtimeMs: local.mtimeMs };
      try {
        edit.remote = await session.transfers.replaceIfUnchanged(session.fs, edit.localPath, remotePath, edit.remote, neverCancelled);
      } catch (error) {
        // A conflict is said once per save; a failure (network...) is tried again on the next change event.
        if (error instanceof RemoteChangedError) edit.local = saved;
        throw error;
      }
      edit.local = saved;
      this.options.emit({ editId, remotePath, state: 'uploaded', at: Date.now() });
    } catch (error) {
      if (error instanceof RemoteChangedError) {
        const code = error.gone ? 'coreFs:editor.conflictDeleted' : 'coreFs:editor.conflictChanged';
        const params = { name: baseName(remotePath), localPath: edit.localPath };
        this.options.emit({ editId, remotePath, state: 'conflict', message: englishMessage(code, params), code, params });
        return;
      }
      const { message, code, params } = asAppError(error);
      this.options.emit({ editId, remotePath, state: 'failed', message, ...(code && { code }), ...(params && { params }) });
    }
  }
}
