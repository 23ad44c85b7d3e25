/** New empty file…: names a file to create in the current SFTP folder (never replacing one). */
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { refresh } from '../browser/navigation.js';
import { newFileDialog } from './dialogs.js';
import { useTranslation } from 'react-i18next';

export function NewFileDialog({ connectionId, parentPath }: { connectionId: string; parentPath: string }) {
  const { t } = useTranslation();
  const close = newFileDialog.close;
  const [name, setName] = useState('');
  const [attempted, setAttempted] = useState(false);
  const { busy, error: serverError, run } = useSubmit();
  const problem = !name ? t('sftp:newFile.enterName') : name.includes('/') ? t('sftp:newFile.slash') : undefined;

  const submit = async () => {
    setAttempted(true);
    if (problem) return;
    await run(async () => {
      await unwrap(api().sftp.createFile({ connectionId, parentPath, name }));
      refresh(connectionId);
      close();
    });
  };

  return (
    <FormDialog title={t('sftp:newFile.title')} onCancel={close} className="small-dialog" onSubmit={() => void submit()} error={serverError} submitLabel={t('sftp:newFile.create')} submitDisabled={busy}>
      <TextField label={t('sftp:newFile.name')} value={name} onChange={setName} error={attempted ? problem : undefined} placeholder={t('sftp:newFile.placeholder')} autoFocus />
    </FormDialog>
  );
}
