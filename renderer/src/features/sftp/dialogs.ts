/** The SFTP dialogs: Permissions or Properties (for an entry), New empty file and New symbolic link (in a folder). */
import type { FileEntry } from '../../../../shared/files.js';
import { dialogSlot } from '../../lib/dialogSlot.js';

export const chmodDialog = dialogSlot<{ connectionId: string; entry: FileEntry }>();
export const sftpPropertiesDialog = dialogSlot<{ connectionId: string; entry: FileEntry }>();
export const newFileDialog = dialogSlot<{ connectionId: string; parentPath: string }>();
export const symlinkDialog = dialogSlot<{ connectionId: string; parentPath: string; target: string; name: string }>();
