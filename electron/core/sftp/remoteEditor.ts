import { randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EditEvent, EditSession } from '../../../shared/contract/sftp.js';
import { baseName } from '../../../shared/paths.js';
import { AppError, asAppError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';

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
  /** The remote file as we last saw it: a change there means someone else wrote it. */
  remote: { size?: number; modified?: number };
  /** The local copy as we last uploaded (or downloaded) it. */
  local: { size: number; mtimeMs: number };
  timer?: NodeJS.Timeout;
  busy: Promise<void>;
}

const neverCancelled = new AbortController().signal;

/**
 * "Open in local editor": downloads a temp copy, opens it, and uploads it again each time
 * it is saved, unless the remote file changed meanwhile (then it says so and keeps the
 * local copy, never overwriting someone else's change).
 */
export class RemoteEditor {
  private readonly edits = new Map<string, Edit>();

  constructor(private readonly options: RemoteEditorOptions) {}

  async open(connectionId: string, remotePath: string): Promise<EditSession> {
    const session = this.options.session(connectionId);
    const entry = await session.fs.stat(remotePath);
    if (entry.kind === 'folder' || (entry.kind === 'symlink' && entry.linkTargetKind !== 'file')) {
      throw new AppError('invalidInput', `${entry.name} is not a file: only files open in an editor.`);
    }
    await mkdir(this.options.tempRoot, { recursive: true });
    const dir = await mkdtemp(join(this.options.tempRoot, 'edit-'));
    const localPath = join(dir, baseName(remotePath));
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
      remote: { size: entry.size, modified: entry.modified },
      local: { size: local.size, mtimeMs: local.mtimeMs },
      busy: Promise.resolve(),
    };
    this.edits.set(editId, edit);
    if (this.options.openLocally) {
      await this.options.openLocally(localPath).catch((error: unknown) => {
        void this.stop(editId);
        throw new AppError('unsupported', `No app could open ${baseName(remotePath)}: ${asAppError(error).message}`);
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
      const now = await session.fs.stat(remotePath).catch(() => undefined);
      if (now && (now.size !== edit.remote.size || now.modified !== edit.remote.modified)) {
        edit.local = { size: local.size, mtimeMs: local.mtimeMs };
        this.options.emit({
          editId,
          remotePath,
          state: 'conflict',
          message: `${baseName(remotePath)} was changed on the server after you opened it, so your save was not uploaded. ` +
            `Your version is kept in ${edit.localPath}.`,
        });
        return;
      }
      await session.transfers.upload(edit.localPath, remotePath, { signal: neverCancelled, onProgress: () => undefined });
      const after = await session.fs.stat(remotePath);
      edit.remote = { size: after.size, modified: after.modified };
      edit.local = { size: local.size, mtimeMs: local.mtimeMs };
      this.options.emit({ editId, remotePath, state: 'uploaded', at: Date.now() });
    } catch (error) {
      this.options.emit({ editId, remotePath, state: 'failed', message: asAppError(error).message });
    }
  }
}
