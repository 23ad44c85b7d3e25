/** Opens a bucket by name: for IAM users who may not list buckets (no s3:ListAllMyBuckets). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.js';
import { CheckField, TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { navigate } from '../browser/navigation.js';
import { actionDialog } from '../browser/dialogs.js';

export function OpenBucketDialog({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation();
  const close = actionDialog.close;
  const [bucket, setBucket] = useState('');
  const [bookmark, setBookmark] = useState(true);
  const { busy, error, setError, run } = useSubmit();

  const submit = async () => {
    const name = bucket.trim();
    if (!name) return setError(t('s3:openBucket.noName'));
    await run(async () => {
      const entry = await unwrap(api().s3.openBucket({ connectionId, bucket: name, bookmark }));
      close();
      navigate(connectionId, entry.path);
    });
  };

  return (
    <FormDialog
      title={t('s3:openBucket.title')}
      onCancel={close}
      className="small-dialog"
      onSubmit={() => void submit()}
      error={error}
      submitLabel={t('s3:openBucket.open')}
      submitDisabled={busy}
    >
      <TextField label={t('s3:openBucket.bucket')} value={bucket} onChange={setBucket} placeholder={t('s3:openBucket.placeholder')} mono autoFocus />
      <CheckField label={t('s3:openBucket.save')} checked={bookmark} onChange={setBookmark} hint={t('s3:openBucket.saveHint')} />
    </FormDialog>
  );
}
