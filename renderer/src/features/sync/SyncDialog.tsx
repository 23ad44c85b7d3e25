/** A folder sync: the pair's settings, Compare, the preview of every action, then one batch in the transfer queue. */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPairDraft, SyncPlan } from '../../../../shared/contract/sync.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { CheckField, FormRow, SelectField, TextField } from '../../components/dialogs/Field.js';
import { DialogFooter } from '../../components/dialogs/DialogFooter.js';
import { FormError } from '../../components/dialogs/FormError.js';
import { Modal } from '../../components/dialogs/Modal.js';
import { RefreshIcon } from '../../components/icons.js';
import { formatBytes } from '../../../../shared/format.js';
import { connectionById, useConnections } from '../connections/connectionStore.js';
import { syncDialog, type SyncDialogArgs } from './dialogs.js';
import { runPlan } from './syncActions.js';
import { SyncPreview } from './SyncPreview.js';
import { loadSyncPairs } from './syncStore.js';
import './sync.css';

const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

export function SyncDialog({ draft: initial, pairId: savedId }: SyncDialogArgs) {
  const { t, i18n } = useTranslation();
  const excludesId = useId();
  const [draft, setDraft] = useState<SyncPairDraft>(initial);
  const [excludesText, setExcludesText] = useState(initial.excludes.join('\n'));
  const [save, setSave] = useState(savedId !== undefined);
  const [pairId, setPairId] = useState(savedId);
  const [plan, setPlan] = useState<SyncPlan | null>(null);
  const [skip, setSkip] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState<'compare' | 'run' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Checksum mode: how far the compare has read the local files. */
  const [hashing, setHashing] = useState<{ done: number; total: number } | null>(null);
  const connection = connectionById(draft.connectionId);
  const links = useConnections((s) => s.links);
  const connections = useConnections((s) => s.list);
  const connected = (id: string) => links[id]?.state === 'connected';
  /** The other side: '' for a local folder, else the connection whose folder stands in its place. */
  const otherSide = draft.peer?.connectionId ?? '';
  const sides = [
    { value: '', label: t('sync:dialog.localSide') },
    ...connections.filter((c) => connected(c.id)).map((c) => ({ value: c.id, label: t('sync:dialog.connectionSide', { connection: c.name }) })),
  ];

  useEffect(
    () =>
      api().sync.onChecksumProgress((p) => {
        if (p.connectionId === draft.connectionId && p.remotePath === draft.remotePath.trim()) setHashing({ done: p.done, total: p.total });
      }),
    [draft.connectionId, draft.remotePath],
  );
  /** Checksums come only from S3 objects, against local files. */
  const canChecksum = connection?.protocol === 's3' && !draft.peer;

  /** Any change to the settings makes the preview out of date. */
  const edit = (patch: Partial<SyncPairDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPlan(null);
  };

  const compare = async () => {
    if (!connected(draft.connectionId) || (draft.peer && !connected(draft.peer.connectionId))) return setError(t('sync:dialog.notConnected'));
    if (draft.peer ? !draft.peer.path.trim() : !draft.localPath.trim()) return setError(t('sync:dialog.noLocal'));
    if (!draft.remotePath.trim()) return setError(t('sync:dialog.noRemote'));
    const peer = draft.peer ? { connectionId: draft.peer.connectionId, path: draft.peer.path.trim() } : undefined;
    const pair = {
      ...draft,
      localPath: peer ? '' : draft.localPath.trim(),
      peer,
      remotePath: draft.remotePath.trim(),
      excludes: linesOf(excludesText),
      compare: canChecksum ? draft.compare : undefined,
    };
    setBusy('compare');
    setHashing(null);
    setError(null);
    try {
      let id = pairId;
      if (save) {
        id = (await unwrap(api().sync.savePair({ id: pairId, draft: pair }))).id;
        setPairId(id);
        void loadSyncPairs();
      }
      setPlan(await unwrap(api().sync.plan({ pair, pairId: id })));
      setSkip(new Set());
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!plan) return;
    setBusy('run');
    setError(null);
    try {
      if (await runPlan(plan, skip)) syncDialog.close();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  // A saved pair opens with its preview.
  useEffect(() => {
    if (savedId) void compare();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const chooseLocal = async () => {
    const picked = await unwrap(api().dialog.chooseFolder({ title: t('sync:dialog.chooseTitle') })).catch(() => null);
    if (picked) edit({ localPath: picked });
  };

  const toRun = plan ? plan.actions.filter((a) => a.kind !== 'skip' && !skip.has(a.id)).length : 0;
  const onSkip = (ids: number[], skipped: boolean) =>
    setSkip((old) => {
      const next = new Set(old);
      for (const id of ids) {
        if (skipped) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <Modal title={t('sync:dialog.title')} onCancel={syncDialog.close} className="sync-dialog" icon={<RefreshIcon size={18} />} initialFocus="[data-autofocus]">
      <form
        className="modal-body form sync-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (plan && toRun > 0) void run();
          else void compare();
        }}
      >
        <TextField label={t('sync:dialog.name')} value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} autoFocus />
        {sides.length > 1 ? (
          <SelectField
            label={t('sync:dialog.side')}
            value={otherSide}
            onChange={(id) => edit({ peer: id ? { connectionId: id, path: draft.peer?.path ?? '' } : undefined })}
            options={sides}
          />
        ) : null}
        {draft.peer ? (
          <TextField label={t('sync:dialog.peerFolder')} value={draft.peer.path} onChange={(path) => edit({ peer: { connectionId: otherSide, path } })} mono />
        ) : (
          <TextField
            label={t('sync:dialog.localFolder')}
            value={draft.localPath}
            onChange={(localPath) => edit({ localPath })}
            mono
            after={
              <button type="button" className="btn" onClick={() => void chooseLocal()}>
                {t('sync:dialog.choose')}
              </button>
            }
          />
        )}
        <TextField
          label={t('sync:dialog.remoteFolder')}
          value={draft.remotePath}
          onChange={(remotePath) => edit({ remotePath })}
          mono
          hint={connection ? <span data-user-text>{t('sync:dialog.remoteHint', { connection: connection.name })}</span> : undefined}
        />
        <SelectField
          label={t('sync:dialog.direction')}
          value={draft.direction}
          onChange={(direction) => edit({ direction })}
          options={
            draft.peer
              ? [
                  { value: 'upload', label: t('sync:dialog.fromPeer') },
                  { value: 'download', label: t('sync:dialog.toPeer') },
                ]
              : [
                  { value: 'upload', label: t('sync:dialog.upload') },
                  { value: 'download', label: t('sync:dialog.download') },
                ]
          }
        />
        <CheckField label={t('sync:dialog.mirror')} checked={draft.deleteExtras} onChange={(deleteExtras) => edit({ deleteExtras })} hint={t('sync:dialog.mirrorHint')} />
        {canChecksum ? (
          <CheckField
            label={t('sync:dialog.checksum')}
            checked={draft.compare === 'checksum'}
            onChange={(on) => edit({ compare: on ? 'checksum' : 'sizeAndTime' })}
            hint={t('sync:dialog.checksumHint')}
          />
        ) : null}
        <FormRow label={t('sync:dialog.excludes')} htmlFor={excludesId} hint={t('sync:dialog.excludesHint')}>
          <textarea
            id={excludesId}
            className="input mono sync-excludes"
            rows={3}
            spellCheck={false}
            value={excludesText}
            onChange={(event) => {
              setExcludesText(event.currentTarget.value);
              setPlan(null);
            }}
          />
        </FormRow>
        {savedId ? null : <CheckField label={t('sync:dialog.save')} checked={save} onChange={setSave} />}
        <div className="sync-compare">
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void compare()}>
            {busy === 'compare' ? t('sync:dialog.comparing') : t('sync:dialog.compare')}
          </button>
          {!plan && busy !== 'compare' ? <span className="sync-hint">{t('sync:dialog.compareFirst')}</span> : null}
          {busy === 'compare' && hashing && hashing.total > 0 ? (
            <span className="sync-hint" role="status">
              {t('sync:dialog.checksumProgress', { done: formatBytes(hashing.done, i18n.language), total: formatBytes(hashing.total, i18n.language) })}
            </span>
          ) : null}
          {plan && plan.totals.files.skip === plan.actions.length ? <span className="sync-hint">{t('sync:dialog.upToDate')}</span> : null}
        </div>
        {plan ? <SyncPreview plan={plan} skip={skip} onSkip={onSkip} /> : null}
        <FormError message={error} />
        <DialogFooter
          onCancel={syncDialog.close}
          action={t('sync:dialog.run', { count: toRun })}
          onAction={() => void run()}
          actionDisabled={!plan || toRun === 0 || busy !== null}
        />
      </form>
    </Modal>
  );
}
