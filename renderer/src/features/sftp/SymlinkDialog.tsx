/** New symbolic link…: a link name in the current SFTP folder and the path it points to. */
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { selectAfterListing } from '../browser/fileActions.js';
import { symlinkDialog } from './dialogs.js';
import { useTranslation } from 'react-i18next';

interface Props {
  connectionId: string;
  parentPath: string;
  /** Prefilled: the selected entry's path, when one was selected. */
  target: string;
  /** Prefilled: the selected entry's name, when one was selected. */
  name: string;
}

export function SymlinkDialog({ connectionId, parentPath, target: initialTarget, name: initialName }: Props) {
  const { t } = useTranslation();
  const close = symlinkDialog.close;
  const [name, setName] = useState(initialName);
  const [target, setTarget] = useState(initialTarget);
  const [attempted, setAttempted] = useState(false);
  const { busy, error: serverError, run } = useSubmit();
  const nameProblem = !name ? t('sftp:symlink.enterName') : name.includes('/') ? t('sftp:symlink.slash') : name === '.' || name === '..' ? t('sftp:symlink.otherName') : undefined;
  const targetProblem = !target ? t('sftp:symlink.enterTarget') : undefined;

  const submit = async () => {
    setAttempted(true);
    if (nameProblem || targetProblem) return;
    await run(async () => {
      const link = await unwrap(api().sftp.symlink({ connectionId, parentPath, name, target }));
      close();
      selectAfterListing(connectionId, link.path);
    });
  };

  return (
    <FormDialog title={t('sftp:symlink.title')} onCancel={close} className="small-dialog" onSubmit={() => void submit()} error={serverError} submitLabel={t('sftp:symlink.create')} submitDisabled={busy}>
      <TextField label={t('sftp:symlink.name')} value={name} onChange={setName} error={attempted ? nameProblem : undefined} placeholder={t('sftp:symlink.namePlaceholder')} hint={t('sftp:symlink.createdIn', { path: parentPath })} autoFocus />
      <TextField
        label={t('sftp:symlink.pointsTo')}
        value={target}
        onChange={setTarget}
        mono
        error={attempted ? targetProblem : undefined}
        placeholder={t('sftp:symlink.targetPlaceholder')}
        hint={t('sftp:symlink.targetHint')}
      />
    </FormDialog>
  );
}
