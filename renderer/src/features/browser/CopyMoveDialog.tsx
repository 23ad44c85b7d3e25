/** Copy or move the selected files and folders into another folder of the same connection. */
import { useState } from 'react';
import type { FileEntry } from '../../../../shared/files.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { useTranslation } from 'react-i18next';
import { actionDialog } from './dialogs.js';
import { copyMoveTo, currentFolderOf } from './fileActions.js';
import { OperationProgressBar } from './OperationProgress.js';
import { cancelOperation } from './operationProgressStore.js';

interface Props {
  connectionId: string;
  entries: FileEntry[];
  mode: 'copy' | 'move';
}

export function CopyMoveDialog({ connectionId, entries, mode }: Props) {
  const { t } = useTranslation();
  const close = actionDialog.close;
  const [folder, setFolder] = useState(currentFolderOf(connectionId));
  const { busy, error, setError, run } = useSubmit();
  const [operationId, setOperationId] = useState<string | null>(null);
  const verb = mode === 'copy' ? t('browser:copyMove.copy') : t('browser:copyMove.move');
  const one = entries.length === 1 ? entries[0]!.name : null;
  const title =
    mode === 'copy'
      ? one !== null
        ? t('browser:copyMove.copyOne', { name: one })
        : t('browser:copyMove.copyMany', { count: entries.length })
      : one !== null
        ? t('browser:copyMove.moveOne', { name: one })
        : t('browser:copyMove.moveMany', { count: entries.length });

  const submit = async () => {
    if (!folder.startsWith('/')) return setError(t('browser:copyMove.pathStart'));
    await run(
      async () => {
        await copyMoveTo(connectionId, entries, folder, mode, setOperationId);
        close();
      },
      () => setOperationId(null),
    );
  };

  // While it runs, Cancel (and Escape) stop the operation; the dialog then shows what happened.
  const cancel = () => (busy && operationId ? cancelOperation(operationId) : close());

  return (
    <FormDialog
      title={title}
      onCancel={cancel}
      className="small-dialog"
      onSubmit={() => void submit()}
      error={error}
      submitLabel={verb}
      submitDisabled={busy}
      footerStart={busy && !operationId ? <span className="spinner" aria-label={t('browser:copyMove.working')} /> : undefined}
    >
      <TextField label={t('browser:copyMove.intoFolder')} value={folder} onChange={setFolder} mono autoFocus hint={t('browser:copyMove.intoFolderHint')} />
      {busy && operationId ? <OperationProgressBar operationId={operationId} /> : null}
    </FormDialog>
  );
}
