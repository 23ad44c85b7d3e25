/** An S3 object's properties: facts, editable headers and user metadata, editable tags. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectProperties } from '../../../../shared/s3Objects.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { InfoIcon } from '../../components/icons.js';
import { formatBytes, formatDateLong, formatStorageClass } from '../../lib/format.js';
import { refresh } from '../browser/navigation.js';
import { showInfo } from '../../state/toasts.js';
import { actionDialog, showActionDialog } from '../browser/dialogs.js';
import { folderObjectText } from './folderObject.js';
import { ObjectLockFacts } from '../buckets/ObjectLockFacts.js';
import { fromPairs, PairsEditor, toPairs, type Pair } from './PairsEditor.js';
import { FormError } from '../../components/dialogs/FormError.js';
import { VisibleName } from '../../components/VisibleName.js';
import { revealHiddenControls } from '../../../../shared/hiddenControls.js';

/** HTTP header names: the same in every language. */
const headerNames = { cacheControl: 'Cache-Control', contentDisposition: 'Content-Disposition' };

interface Draft {
  contentType: string;
  cacheControl: string;
  contentDisposition: string;
  metadata: Pair[];
  tags: Pair[];
}

const draftOf = (p: ObjectProperties): Draft => ({
  contentType: p.contentType ?? '',
  cacheControl: p.cacheControl ?? '',
  contentDisposition: p.contentDisposition ?? '',
  metadata: toPairs(p.metadata),
  tags: p.tags.map((t) => ({ name: t.key, value: t.value })),
});

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function PropertiesDialog({ connectionId, path }: { connectionId: string; path: string }) {
  const { t } = useTranslation();
  const close = actionDialog.close;
  const [props, setProps] = useState<ObjectProperties | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    unwrap(api().s3.properties({ connectionId, path })).then(
      (p) => {
        setProps(p);
        setDraft(draftOf(p));
      },
      (caught) => setError(toApiError(caught).message),
    );
  }, [connectionId, path]);

  const headersChanged = props && draft && JSON.stringify({ ...draftOf(props), tags: [] }) !== JSON.stringify({ ...draft, tags: [] });
  const tagsChanged = props && draft && JSON.stringify(draftOf(props).tags) !== JSON.stringify(draft.tags);

  const save = async () => {
    if (!props || !draft) return;
    setBusy(true);
    setError(null);
    try {
      let next = props;
      if (headersChanged) {
        next = await unwrap(
          api().s3.updateHeaders({
            connectionId,
            path,
            edit: {
              contentType: draft.contentType.trim() || undefined,
              cacheControl: draft.cacheControl.trim() || undefined,
              contentDisposition: draft.contentDisposition.trim() || undefined,
              metadata: fromPairs(draft.metadata),
            },
          }),
        );
      }
      if (tagsChanged) {
        const tags = draft.tags.filter((t) => t.name.trim()).map((t) => ({ key: t.name.trim(), value: t.value }));
        next = await unwrap(api().s3.setTags({ connectionId, path, tags }));
      }
      setProps(next);
      setDraft(draftOf(next));
      showInfo(t('s3:properties.saved'));
      refresh(connectionId);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
    setBusy(false);
  };

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  return (
    <Modal title={props ? revealHiddenControls(props.key.split('/').filter(Boolean).pop() || props.key) : t('s3:properties.title')} onCancel={close} className="properties-dialog" icon={<InfoIcon size={20} />}>
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {!props || !draft ? (
          error ? null : (
            <div className="grid-state">
              <span className="spinner" aria-hidden="true" /> {t('s3:properties.loading')}
            </div>
          )
        ) : (
          <>
            <dl className="facts">
              <Fact label={t('s3:properties.path')}>
                <span className="mono selectable">
                  <VisibleName text={props.path} />
                </span>
              </Fact>
              <Fact label={t('s3:properties.size')}>
                {t('s3:properties.sizeValue', { size: formatBytes(props.size), count: props.size })}
              </Fact>
              <Fact label={t('s3:properties.modified')}>{formatDateLong(props.modified)}</Fact>
              <Fact label="ETag">
                <span className="mono selectable">{props.etag ?? '—'}</span>
              </Fact>
              <Fact label={t('s3:properties.storageClass')}>{formatStorageClass(props.storageClass)}</Fact>
              <Fact label={t('s3:properties.region')}>{props.region}</Fact>
              {props.versionId ? (
                <Fact label={t('s3:properties.version')}>
                  <span className="mono selectable">{props.versionId}</span>
                </Fact>
              ) : null}
            </dl>
            {props.objectLock ? <ObjectLockFacts connectionId={connectionId} path={path} lock={props.objectLock} onChanged={setProps} /> : null}
            {props.key.endsWith('/') && props.size > 0 ? <p className="muted prop-note">{folderObjectText.explain(props.size)}</p> : null}
            <div className="form-section">{t('s3:properties.headers')}</div>
            <label className="prop-field">
              <span>{t('s3:properties.contentType')}</span>
              <input className="input mono" value={draft.contentType} onChange={(e) => set('contentType', e.currentTarget.value)} />
            </label>
            <label className="prop-field">
              <span>{headerNames.cacheControl}</span>
              <input className="input mono" value={draft.cacheControl} placeholder={t('s3:properties.cacheControlPlaceholder')} onChange={(e) => set('cacheControl', e.currentTarget.value)} />
            </label>
            <label className="prop-field">
              <span>{headerNames.contentDisposition}</span>
              <input className="input mono" value={draft.contentDisposition} placeholder={t('s3:properties.dispositionPlaceholder')} onChange={(e) => set('contentDisposition', e.currentTarget.value)} />
            </label>
            <div className="form-section">{t('s3:properties.metadata')}</div>
            <PairsEditor kind="metadata" pairs={draft.metadata} onChange={(v) => set('metadata', v)} max={100} />
            <div className="form-section">{t('s3:properties.tags')}</div>
            <PairsEditor kind="tag" pairs={draft.tags} onChange={(v) => set('tags', v)} max={10} />
            {headersChanged ? (
              <p className="muted prop-note">{t('s3:properties.copyNote')}</p>
            ) : null}
          </>
        )}
        <FormError message={error} />
        <ModalFooter
          start={
            <button type="button" className="btn" onClick={() => showActionDialog({ kind: 'share', connectionId, path })}>
              {t('s3:properties.share')}
            </button>
          }
        >
          {busy ? <span className="spinner" aria-label={t('s3:properties.saving')} /> : null}
          <button type="button" className="btn" onClick={close}>
            {t('s3:close')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !(headersChanged || tagsChanged)}>
            {t('s3:properties.save')}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
