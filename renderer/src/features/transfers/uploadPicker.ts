/** "Upload files…" and "Upload folder…": the system's file or folder picker, then the upload. */
import { uploadFiles, uploadFolder } from './transferActions.js';

export type UploadPick = 'files' | 'folder';

/** Opens the picker (call it from a click or a menu choice: browsers open pickers only then). */
export function pickAndUpload(connectionId: string, remoteFolder: string, pick: UploadPick): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.webkitdirectory = pick === 'folder';
  input.addEventListener(
    'change',
    () => {
      const files = Array.from(input.files ?? []);
      if (pick === 'folder') void uploadFolder(connectionId, files, remoteFolder);
      else if (files.length > 0) void uploadFiles(connectionId, files, remoteFolder);
    },
    { once: true },
  );
  input.click();
}
