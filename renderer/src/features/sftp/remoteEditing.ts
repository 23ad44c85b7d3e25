/** "Open in editor" on SFTP files, and what the watched copies report back. */
import type { EditEvent } from '../../../../shared/contract/sftp.js';
import type { FileEntry } from '../../../../shared/files.js';
import { api, unwrap } from '../../api/client.js';
import { refresh } from '../browser/navigation.js';
import { showError, showFailure, useToasts } from '../../state/toasts.js';

export async function openInEditor(connectionId: string, entry: FileEntry): Promise<void> {
  try {
    const edit = await unwrap(api().sftp.openInEditor({ connectionId, path: entry.path }));
    useToasts.getState().push({
      tone: 'info',
      title: `Editing ${entry.name}`,
      message: 'Saved changes are uploaded back to the server while Stowage is open.',
    });
    editing.set(edit.editId, connectionId);
  } catch (caught) {
    showFailure(caught, `Could not open ${entry.name}`);
  }
}

const editing = new Map<string, string>();

/** Subscribes to upload reports of edited files; returns the unsubscribe. */
export function watchEditReports(): () => void {
  return api().sftp.onEdit((event: EditEvent) => {
    const name = event.remotePath.slice(event.remotePath.lastIndexOf('/') + 1);
    if (event.state === 'uploaded') {
      useToasts.getState().push({ tone: 'success', message: `Uploaded your changes to ${name}.` });
      const connectionId = editing.get(event.editId);
      if (connectionId) refresh(connectionId);
    } else if (event.state === 'conflict') {
      useToasts.getState().push({ tone: 'error', title: `Not uploaded: ${name}`, message: event.message }, 0);
    } else {
      showError(event.message, `Could not upload ${name}`);
    }
  });
}
