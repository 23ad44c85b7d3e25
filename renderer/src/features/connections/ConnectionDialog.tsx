/** New / Edit connection: S3 or SFTP, Save, or Save & Connect. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, unwrap } from '../../api/client.js';
import {
  emptyForm,
  formFromSummary,
  toDraft,
  typedSecrets,
  usesSecret,
  withoutSecrets,
  validate,
  type FieldErrors,
  type FormValues,
} from './connectionForm.js';
import { useApp } from '../../state/app.js';
import { connect } from './connect.js';
import { connectionById, useConnections } from './connectionStore.js';
import { connectionFormDialog, openImportBookmarks } from './dialogs.js';
import { CloudIcon, ErrorIcon, ServerIcon } from '../../components/icons.js';
import { CheckField, TextField } from '../../components/dialogs/Field.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { S3Fields } from './S3Fields.js';
import { SftpFields } from './SftpFields.js';
import { secretStorageText } from './coreText.js';

export function ConnectionDialog({ editId }: { editId: string | null }) {
  const { t } = useTranslation();
  const close = connectionFormDialog.close;
  const info = useApp((s) => s.info);
  const editing = editId ? connectionById(editId) : undefined;
  // The title stays put for the dialog's life, even once a new connection is saved.
  const [titleKey] = useState(editing ? 'edit' : 'new');
  const [values, setValues] = useState<FormValues>(() => (editing ? formFromSummary(editing) : emptyForm()));
  const [savedId, setSavedId] = useState<string | null>(editing?.id ?? null);
  const [pathStyleTouched, setPathStyleTouched] = useState(Boolean(editing));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState<'save' | 'connect' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);

  useEffect(() => void useApp.getState().load(), []);

  // A long form scrolls: bring a server error into view when it appears.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (serverError) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [serverError]);

  // Without an OS keychain the core saves no secret: the form asks for none to be remembered.
  const weak = info !== null && !info.secretStorage.strong;
  const kept = weak ? { ...values, rememberSecret: false } : values;
  const summary = savedId ? connectionById(savedId) : undefined;
  const savedSecret = Boolean(summary?.hasSavedSecret) && summary?.protocol === values.protocol;
  const errors: FieldErrors = attempted ? validate(kept, savedSecret) : {};

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    if (key === 'forcePathStyle') setPathStyleTouched(true);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const setEndpointKind = (kind: FormValues['endpointKind']) =>
    setValues((v) => ({ ...v, endpointKind: kind, forcePathStyle: pathStyleTouched ? v.forcePathStyle : kind === 'custom' }));

  const submit = async (andConnect: boolean) => {
    setAttempted(true);
    setServerError(null);
    const problems = validate(kept, savedSecret);
    if (Object.keys(problems).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.modal [aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(andConnect ? 'connect' : 'save');
    try {
      // Save & Connect saves the typed secret only once the server accepts it (the connect
      // does): a wrong one never replaces the saved one, and Cancel leaves that as it was.
      const typed = andConnect ? typedSecrets(kept) : undefined;
      // Until then the saved secret stays as it is, even when "remember" was unticked: the
      // connect drops it only once the server accepts the typed one.
      const draft = toDraft(typed ? { ...withoutSecrets(kept), rememberSecret: kept.rememberSecret || savedSecret } : kept, savedId);
      const saved = await unwrap(api().connections.save({ draft }));
      useConnections.getState().upsert(saved);
      useConnections.getState().setActive(saved.id);
      setSavedId(saved.id);
      if (!andConnect) {
        close();
        return;
      }
      const result = await connect(saved.id, typed ? { secrets: typed, remember: kept.rememberSecret, quiet: true } : { quiet: true });
      if (result.ok) close();
      else if ('error' in result) setServerError(result.error.message);
    } catch (caught) {
      setServerError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };


  return (
    <Modal title={titleKey === 'edit' ? t('connections:form.titleEdit') : t('connections:form.titleNew')} onCancel={close} className="connection-dialog" initialFocus="[data-autofocus]">
      <form
        className="modal-body form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(true);
        }}
      >
        {titleKey === 'new' ? (
          <div className="form-row">
            <span className="form-label" />
            <div className="form-control">
              <button
                type="button"
                className="btn-link import-link"
                onClick={() => {
                  close();
                  openImportBookmarks();
                }}
              >
                {t('connections:import.open')}
              </button>
            </div>
          </div>
        ) : null}
        <div className="form-row">
          <span className="form-label">{t('connections:form.protocol')}</span>
          <div className="form-control">
            <div className="segmented" role="radiogroup" aria-label={t('connections:form.protocol')}>
              {(['s3', 'sftp'] as const).map((p) => (
                <label key={p} className={values.protocol === p ? 'segment checked' : 'segment'}>
                  <input
                    type="radio"
                    name="protocol"
                    value={p}
                    checked={values.protocol === p}
                    onChange={() => set('protocol', p)}
                  />
                  {p === 's3' ? <CloudIcon size={14} /> : <ServerIcon size={14} />}
                  {p === 's3' ? 'S3' : 'SFTP'}
                </label>
              ))}
            </div>
          </div>
        </div>
        <TextField
          label={t('connections:form.name')}
          value={values.name}
          onChange={(v) => set('name', v)}
          error={errors.name}
          placeholder={values.protocol === 's3' ? t('connections:form.namePlaceholderS3') : t('connections:form.namePlaceholderSftp')}
          autoFocus
        />
        {values.protocol === 's3' ? (
          <S3Fields values={values} errors={errors} savedSecret={savedSecret} set={set} setEndpointKind={setEndpointKind} />
        ) : (
          <SftpFields values={values} errors={errors} savedSecret={savedSecret} set={set} />
        )}
        <CheckField
          label={t('connections:form.rememberSecret')}
          checked={kept.rememberSecret}
          disabled={weak}
          onChange={(v) => set('rememberSecret', v)}
          hint={
            !usesSecret(values)
              ? undefined
              : weak
                ? secretStorageText(info.secretStorage)
                : values.rememberSecret
                  ? t('connections:form.storedEncrypted')
                  : t('connections:form.askedEachTime')
          }
        />
        {serverError ? (
          <div ref={errorRef} className="alert form-notice" role="alert">
            <ErrorIcon />
            <div>{serverError}</div>
          </div>
        ) : null}
        <ModalFooter start={busy === 'connect' ? <span className="busy-note"><span className="spinner" aria-hidden="true" /> {t('connections:form.connecting')}</span> : null}>
          <button type="button" className="btn" onClick={close}>
            {t('connections:form.cancel')}
          </button>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void submit(false)}>
            {t('connections:form.save')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {t('connections:form.saveAndConnect')}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
