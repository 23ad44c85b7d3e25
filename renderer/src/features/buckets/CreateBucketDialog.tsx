/** A new bucket: its name checked against S3's rules as you type, a region and the options at creation. */
import { useState } from 'react';
import { bucketNameProblem } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { refresh } from '../browser/navigation.js';
import { createBucketDialog } from './dialogs.js';

export function CreateBucketDialog({ connectionId }: { connectionId: string }) {
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [versioning, setVersioning] = useState(false);
  const [blockPublic, setBlockPublic] = useState(true);
  const [objectLock, setObjectLock] = useState(false);
  const { busy, error, run } = useSubmit();
  const problem = name ? bucketNameProblem(name) : null;
  const close = createBucketDialog.close;
  const submit = async () => {
    if (!name || problem) return;
    await run(async () => {
      await unwrap(
        api().buckets.create({ connectionId, bucket: name, ...(region.trim() ? { region: region.trim() } : {}), versioning: versioning || objectLock, blockPublicAccess: blockPublic, objectLock }),
      );
      close();
      refresh(connectionId);
    });
  };
  return (
    <Modal title="New bucket" onCancel={close} initialFocus="[data-autofocus]">
      <form
        className="modal-body bucket-create"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Bucket name
          <input
            data-autofocus
            className="input mono"
            value={name}
            placeholder="my-bucket"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <div className={problem ? 'field-error' : 'field-hint'} role="status" data-testid="bucket-name-check">
          {problem ?? (name ? 'A valid bucket name. Names are shared by everyone on the service.' : '3–63 lowercase letters, digits, dots and hyphens.')}
        </div>
        <label>
          <span>
            Region <small>(empty: the connection's region)</small>
          </span>
          <input className="input" value={region} placeholder="eu-central-1" onChange={(e) => setRegion(e.currentTarget.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={blockPublic} onChange={(e) => setBlockPublic(e.currentTarget.checked)} /> Block all public access (recommended)
        </label>
        <label className="check">
          <input type="checkbox" checked={versioning || objectLock} disabled={objectLock} onChange={(e) => setVersioning(e.currentTarget.checked)} /> Enable versioning
        </label>
        <label className="check">
          <input type="checkbox" checked={objectLock} onChange={(e) => setObjectLock(e.currentTarget.checked)} /> Enable object lock (write-once; turns versioning on for good)
        </label>
        <DialogAlert message={error} />
        <DialogFooter onCancel={close} action="Create bucket" actionDisabled={busy || !name || !!problem} />
      </form>
    </Modal>
  );
}
