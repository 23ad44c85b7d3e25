/** A new bucket: its name checked against S3's rules as you type, a region and the options at creation. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bucketNameProblem } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { DialogAlert, DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { refresh } from '../browser/navigation.js';
import { useConnections } from '../connections/connectionStore.js';
import { createBucketDialog } from './dialogs.js';

export function CreateBucketDialog({ connectionId }: { connectionId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [versioning, setVersioning] = useState(false);
  const [blockPublic, setBlockPublic] = useState(true);
  const [objectLock, setObjectLock] = useState(false);
  const { busy, error, run } = useSubmit();
  const nameProblem = name ? bucketNameProblem(name) : null;
  const problem = nameProblem ? t(nameProblem.key, nameProblem.params ?? {}) : null;
  const close = createBucketDialog.close;
  const saved = useConnections((s) => s.list.find((c) => c.id === connectionId));
  // The placeholder is what an empty field means: the connection's own region.
  const connectionRegion = saved?.protocol === 's3' ? saved.region : '';
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
    <Modal title={t('buckets:create.title')} onCancel={close} initialFocus="[data-autofocus]">
      <form
        className="modal-body bucket-create"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('buckets:create.name')}
          <input
            data-autofocus
            className="input mono"
            value={name}
            placeholder={t('buckets:placeholder.bucket')}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <div className={problem ? 'field-error' : 'field-hint'} role="status" data-testid="bucket-name-check">
          {problem ?? (name ? t('buckets:create.valid') : t('buckets:create.rules'))}
        </div>
        <label>
          <span>
            {t('buckets:create.region')} <small>{t('buckets:create.regionHint')}</small>
          </span>
          <input className="input" value={region} placeholder={connectionRegion} spellCheck={false} onChange={(e) => setRegion(e.currentTarget.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={blockPublic} onChange={(e) => setBlockPublic(e.currentTarget.checked)} /> {t('buckets:create.blockPublic')}
        </label>
        {blockPublic && saved?.protocol === 's3' && saved.endpoint.kind === 'custom' ? (
          <div className="field-hint" data-testid="block-public-hint">
            {t('buckets:create.blockPublicHint')}
          </div>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={versioning || objectLock} disabled={objectLock} onChange={(e) => setVersioning(e.currentTarget.checked)} /> {t('buckets:create.versioning')}
        </label>
        <label className="check">
          <input type="checkbox" checked={objectLock} onChange={(e) => setObjectLock(e.currentTarget.checked)} /> {t('buckets:create.objectLock')}
        </label>
        <DialogAlert message={error} />
        <DialogFooter onCancel={close} action={t('buckets:create.action')} actionDisabled={busy || !name || !!problem} />
      </form>
    </Modal>
  );
}
