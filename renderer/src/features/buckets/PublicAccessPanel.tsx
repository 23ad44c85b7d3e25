import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PublicAccessBlock } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { askConfirm } from '../../state/dialogs.js';
import { useConnections } from '../connections/connectionStore.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import { useSave } from './useSave.js';

export const blockSwitches: { key: keyof PublicAccessBlock; labelKey: string; blocksKey: string }[] = [
  { key: 'blockPublicAcls', labelKey: 'buckets:public.switch.blockPublicAcls', blocksKey: 'buckets:public.switch.blockPublicAclsNote' },
  { key: 'ignorePublicAcls', labelKey: 'buckets:public.switch.ignorePublicAcls', blocksKey: 'buckets:public.switch.ignorePublicAclsNote' },
  { key: 'blockPublicPolicy', labelKey: 'buckets:public.switch.blockPublicPolicy', blocksKey: 'buckets:public.switch.blockPublicPolicyNote' },
  { key: 'restrictPublicBuckets', labelKey: 'buckets:public.switch.restrictPublicBuckets', blocksKey: 'buckets:public.switch.restrictPublicBucketsNote' },
];

/**
 * Whether the bucket is public now: a public policy or ACL counts unless a Block Public
 * Access switch (the bucket's or the account's) makes S3 ignore it.
 */
export function PublicStatusBadge({ settings }: Pick<PanelProps, 'settings'>) {
  const { t } = useTranslation();
  const status = settings.publicStatus;
  if (!status.supported) return <span className="bucket-badge neutral">{t('buckets:public.unknown')}</span>;
  const { policyIsPublic, aclGrantsPublic } = status.value;
  const switches = [settings.publicAccessBlock, settings.accountPublicAccessBlock].flatMap((p) => (p.supported ? [p.value] : []));
  const policyRestricted = switches.some((b) => b.restrictPublicBuckets);
  const aclsIgnored = switches.some((b) => b.ignorePublicAcls);
  const through = [
    policyIsPublic && !policyRestricted ? t('buckets:public.throughPolicy') : '',
    ...(aclsIgnored ? [] : aclGrantsPublic.map((grantee) => t('buckets:public.throughAcl', { grantee }))),
  ].filter(Boolean);
  if (through.length) {
    return (
      <span className="bucket-badge danger" data-testid="public-badge">
        {t('buckets:public.publicThrough', { through: through.join(', ') })}
      </span>
    );
  }
  const blocked = (policyIsPublic && policyRestricted) || (aclGrantsPublic.length > 0 && aclsIgnored);
  return (
    <span className={blocked ? 'bucket-badge neutral' : 'bucket-badge ok'} data-testid="public-badge">
      {blocked ? t('buckets:public.notPublicBlocked') : t('buckets:public.notPublic')}
    </span>
  );
}

export function PublicAccessPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const current = settings.publicAccessBlock.supported ? settings.publicAccessBlock.value : null;
  const [draft, setDraft] = useState<PublicAccessBlock | null>(current);
  useEffect(() => setDraft(current), [JSON.stringify(current)]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useSave(reload);
  const account = settings.accountPublicAccessBlock;
  const changed = !!draft && !!current && JSON.stringify(draft) !== JSON.stringify(current);
  const saved = useConnections((s) => s.list.find((c) => c.id === connectionId));
  const customEndpoint = saved?.protocol === 's3' && saved.endpoint.kind === 'custom';
  const write = (block: PublicAccessBlock) => save.run(() => unwrap(api().buckets.setPublicAccessBlock({ connectionId, bucket, block })));
  useUnsavedChanges(changed, { canSave: true, save: () => (draft ? write(draft) : Promise.resolve(true)), discard: () => setDraft(current) });
  // Block all is the panic button: it is applied (after one question), never left as ticked boxes.
  const blockAll = async () => {
    const ok = await askConfirm({
      title: t('buckets:public.blockAllTitle'),
      message: customEndpoint ? t('buckets:public.blockAllMessageCustom', { bucket }) : t('buckets:public.blockAllMessage', { bucket }),
      confirmLabel: t('buckets:public.blockAllConfirm'),
    });
    if (ok) await write({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
  };
  return (
    <PanelFrame title={t('buckets:public.title')} explanation={t('buckets:public.explanation')} panel={settings.publicAccessBlock}>
      {() => (
        <div className="bucket-panel-body">
          <p>
            {t('buckets:public.rightNow')} <PublicStatusBadge settings={settings} />
          </p>
          <fieldset className="bucket-switches">
            <legend>{t('buckets:public.legend')}</legend>
            {blockSwitches.map((s) => (
              <label key={s.key} className="bucket-switch">
                <input
                  type="checkbox"
                  checked={draft?.[s.key] ?? false}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setDraft((d) => (d ? { ...d, [s.key]: checked } : d));
                  }}
                />
                <span>
                  <strong>{t(s.labelKey)}</strong>
                  <small>{t(s.blocksKey)}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="bucket-actions">
            <button type="button" className="btn btn-primary" disabled={!changed || save.busy} onClick={() => draft && void write(draft)}>
              {t('buckets:public.save')}
            </button>
            <button type="button" className="btn" disabled={save.busy || (current ? Object.values(current).every(Boolean) : false)} onClick={() => void blockAll()}>
              {t('buckets:public.blockAll')}
            </button>
          </div>
          <SaveState {...save.state} />
          <div className="bucket-subsection">
            <h4>{t('buckets:public.accountTitle')}</h4>
            {account.supported ? (
              <ul className="bucket-list">
                {blockSwitches.map((s) => (
                  <li key={s.key}>
                    {account.value[s.key] ? (
                      <Trans i18nKey="buckets:public.accountOn" values={{ label: t(s.labelKey) }} components={{ 1: <strong /> }} />
                    ) : (
                      <Trans i18nKey="buckets:public.accountOff" values={{ label: t(s.labelKey) }} components={{ 1: <strong /> }} />
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="bucket-note">{t(account.message.key, account.message.params ?? {})}</p>
            )}
          </div>
        </div>
      )}
    </PanelFrame>
  );
}
