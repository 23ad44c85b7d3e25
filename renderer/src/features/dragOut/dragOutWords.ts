/** Every sentence drag-out shows, in one place. */
import { plural } from '../../lib/format.js';

/** "3 files" when all are files, "3 items" when folders are among them. */
export const dragCount = (count: number, onlyFiles: boolean) => plural(count, onlyFiles ? 'file' : 'item');

export const dragOutWords = {
  preparing: (count: number, onlyFiles: boolean) => `Preparing ${dragCount(count, onlyFiles)} for dragging…`,
  preparingHint: 'They download to a temporary folder first; the transfers panel shows each one.',
  ready: 'Ready to drag',
  readyHint: (count: number, onlyFiles: boolean) => `${dragCount(count, onlyFiles)} · drag this out of the window`,
  readyTitle: 'Drag this to your desktop or to a folder in your file manager',
  previewNote: 'Dragging out to the desktop works in the desktop app.',
  failed: 'Could not prepare the files for dragging',
  dismiss: 'Dismiss',
} as const;
