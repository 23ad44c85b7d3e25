/** Opens a bucket by name: for IAM users who may not list buckets (no s3:ListAllMyBuckets). */
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { CheckField, TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { navigate } from '../browser/navigation.js';
import { actionDialog } from '../browser/dialogs.js';

export function OpenBucketDialog({ connectionId }: { connectionId: string }) {
  const close = actionDialog.close;
  const [bucket, setBucket] = useState('');
  const [bookmark, setBookmark] = useState(true);
  const { busy, error, setError, run } = useSubmit();

  const submit = async () => {
    const name = bucket.trim();
    if (!name) return setError('Enter the bucket name');
    await run(async () => {
      const entry = await unwrap(api().s3.openBucket({ connectionId, bucket: name, bookmark }));
      close();
      navigate(connectionId, entry.path);
    });
  };

  return (
    <FormDialog title="Open bucket by name" onCancel={close} className="small-dialog" onSubmit={() => void submit()} error={error} submitLabel="Open" submitDisabled={busy}>
      <TextField label="Bucket" value={bucket} onChange={setBucket} placeholder="my-team-bucket" mono autoFocus />
      <CheckField label="Save it to this connection" checked={bookmark} onChange={setBookmark} hint="It will show in the bucket list from now on." />
    </FormDialog>
  );
}
