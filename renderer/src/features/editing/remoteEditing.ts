/** "Edit in local editor" on files of any connection, and what the watched copies report back. */
import type { EditEvent } from '../../../../shared/contract/fs.js';
import type { FileEntry } from '../../../../shared/files.js';
import { api, unwrap } from '../../api/client.js';
import { refresh } from '../browser/navigation.js';
import { showError, showFailure, useToasts } from '../../state/toasts.js';
import { errorText } from '../../i18n/errorText.js';
import { t } from '../../i18n/i18n.js';

export async function openInEditor(connectionId: string, entry: FileEntry): Promise<void> {
  try {
    const edit = await unwrap(api().fs.openInEditor({ connectionId, path: entry.path }));
    useToasts.getState().push({
      tone: 'info',
      title: t('editing:toast.editing', { name: entry.name }),
      message: t('editing:toast.editingHint'),
    });
    editing.set(edit.editId, connectionId);
  } catch (caught) {
    showFailure(caught, t('editing:toast.couldNotOpen', { name: entry.name }));
  }
}

const editing = new Map<string, string>();

/** Subscribes to upload reports of edited files; returns the unsubscribe. */
export function watchEditReports(): () => void {
  return api().fs.onEdit((event: EditEvent) => {
    const name = event.remotePath.slice(event.remotePath.lastIndexOf('/') + 1);
    if (event.state === 'uploaded') {
      useToasts.getState().push({ tone: 'success', message: t('editing:toast.uploaded', { name }) });
      const connectionId = editing.get(event.editId);
      if (connectionId) refresh(connectionId);
      return;
    }
    const message = errorText({ kind: event.state === 'conflict' ? 'conflict' : 'internal', message: event.message, code: event.code, params: event.params });
    if (event.state === 'conflict') {
      useToasts.getState().push({ tone: 'error', title: t('editing:toast.notUploaded', { name }), message }, 0);
    } else {
      showError(message, t('editing:toast.couldNotUpload', { name }));
    }
  });
}
