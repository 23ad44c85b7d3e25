/** The grid as a drop target for files from the OS: dropped on a folder row, they upload into that folder. */
import { useState, type DragEvent } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { isLocalConnection } from '../../../../shared/localDisk.js';
import { folderRowAt, markDropRow } from '../transfers/dropTarget.js';
import { uploadFiles } from '../transfers/transferActions.js';

export function useFileDrop(connectionId: string, view: readonly FileEntry[], folderPath: string) {
  // Files from the desktop upload to a connection; this computer's disk (the local pane) takes none.
  const acceptsFiles = (event: DragEvent) => !isLocalConnection(connectionId) && event.dataTransfer.types.includes('Files');
  const [dropping, setDropping] = useState(false);
  // A folder row under the pointer while dropping: the upload goes there instead.
  const [dropInto, setDropInto] = useState<string | undefined>(undefined);

  const endDrop = () => {
    setDropping(false);
    setDropInto(undefined);
    markDropRow(null, undefined);
  };

  const handlers = {
    onDragEnter(event: DragEvent<HTMLDivElement>) {
      if (!acceptsFiles(event)) return;
      event.preventDefault();
      setDropping(true);
    },
    onDragOver(event: DragEvent<HTMLDivElement>) {
      if (!acceptsFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      if (!dropping) setDropping(true);
      const folder = folderRowAt(event.target, view);
      markDropRow(event.target, folder);
      if (folder?.path !== dropInto) setDropInto(folder?.path);
    },
    onDragLeave(event: DragEvent<HTMLDivElement>) {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      endDrop();
    },
    onDrop(event: DragEvent<HTMLDivElement>) {
      if (!acceptsFiles(event)) return;
      event.preventDefault();
      endDrop();
      const into = folderRowAt(event.target, view)?.path ?? folderPath;
      const files = Array.from(event.dataTransfer.files);
      if (files.length) void uploadFiles(connectionId, files, into);
    },
  };
  return { dropping, dropInto, handlers };
}
