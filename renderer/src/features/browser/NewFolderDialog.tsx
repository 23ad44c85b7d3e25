/** Name a new folder (or, at the S3 root, a new bucket). */
import { useState } from 'react';
import { newFolderDialog } from './dialogs.js';
import { makeFolder } from './navigation.js';
import { TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { useTranslation } from 'react-i18next';

interface Props {
  connectionId: string;
  parentPath: string;
  bucket: boolean;
}

export function NewFolderDialog({ connectionId, parentPath, bucket }: Props) {
  const { t } = useTranslation();
  const close = newFolderDialog.close;
  const [name, setName] = useState('');
  const [attempted, setAttempted] = useState(false);
  const { busy, error: serverError, run } = useSubmit();

  const trimmed = name.trim();
  const problem = !trimmed
    ? bucket
      ? t('browser:newFolder.enterBucketName')
      : t('browser:newFolder.enterFolderName')
    : trimmed.includes('/')
      ? bucket
        ? t('browser:newFolder.bucketSlash')
        : t('browser:newFolder.folderSlash')
      : undefined;

  const submit = async () => {
    setAttempted(true);
    if (problem) return;
    await run(async () => {
      await makeFolder(connectionId, parentPath, trimmed);
      close();
    });
  };

  return (
    <FormDialog
      title={bucket ? t('browser:newFolder.bucketTitle') : t('browser:newFolder.folderTitle')}
      onCancel={close}
      className="small-dialog"
      onSubmit={() => void submit()}
      error={serverError}
      submitLabel={t('browser:newFolder.create')}
      submitDisabled={busy}
    >
      <TextField
        label={bucket ? t('browser:newFolder.bucketName') : t('browser:newFolder.folderName')}
        value={name}
        onChange={setName}
        error={attempted ? problem : undefined}
        placeholder={bucket ? t('browser:newFolder.bucketPlaceholder') : t('browser:newFolder.folderPlaceholder')}
        autoFocus
      />
    </FormDialog>
  );
}
