import { useEffect, useState } from 'react';
import type { PublicAccessBlock } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

export const blockSwitches: { key: keyof PublicAccessBlock; label: string; blocks: string }[] = [
  { key: 'blockPublicAcls', label: 'Block public ACLs', blocks: 'Refuses new ACLs that grant access to everyone.' },
  { key: 'ignorePublicAcls', label: 'Ignore public ACLs', blocks: 'Ignores every public ACL already on the bucket and its objects.' },
  { key: 'blockPublicPolicy', label: 'Block public bucket policies', blocks: 'Refuses bucket policies that grant public access.' },
  { key: 'restrictPublicBuckets', label: 'Restrict public buckets', blocks: 'Limits a public policy to AWS services and this account.' },
];

/**
 * Whether the bucket is public now: a public policy or ACL counts unless a Block Public
 * Access switch (the bucket's or the account's) makes S3 ignore it.
 */
export function PublicStatusBadge({ settings }: Pick<PanelProps, 'settings'>) {
  const status = settings.publicStatus;
  if (!status.supported) return <span className="bucket-badge neutral">Public status unknown</span>;
  const { policyIsPublic, aclGrantsPublic } = status.value;
  const switches = [settings.publicAccessBlock, settings.accountPublicAccessBlock].flatMap((p) => (p.supported ? [p.value] : []));
  const policyRestricted = switches.some((b) => b.restrictPublicBuckets);
  const aclsIgnored = switches.some((b) => b.ignorePublicAcls);
  const through = [
    policyIsPublic && !policyRestricted ? 'the bucket policy' : '',
    ...(aclsIgnored ? [] : aclGrantsPublic.map((g) => `ACL (${g})`)),
  ].filter(Boolean);
  if (through.length) {
    return (
      <span className="bucket-badge danger" data-testid="public-badge">
        Public — through {through.join(', ')}
      </span>
    );
  }
  const blocked = (policyIsPublic && policyRestricted) || (aclGrantsPublic.length > 0 && aclsIgnored);
  return (
    <span className={blocked ? 'bucket-badge neutral' : 'bucket-badge ok'} data-testid="public-badge">
      {blocked ? 'Not public — a public grant is blocked by Block Public Access' : 'Not public'}
    </span>
  );
}

export function PublicAccessPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const current = settings.publicAccessBlock.supported ? settings.publicAccessBlock.value : null;
  const [draft, setDraft] = useState<PublicAccessBlock | null>(current);
  useEffect(() => setDraft(current), [JSON.stringify(current)]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = useSave(reload);
  const account = settings.accountPublicAccessBlock;
  const changed = draft && current && JSON.stringify(draft) !== JSON.stringify(current);
  return (
    <PanelFrame
      title="Public access"
      explanation="Block Public Access overrides ACLs and policies so that nothing in the bucket can be made public by mistake."
      panel={settings.publicAccessBlock}
    >
      {() => (
        <div className="bucket-panel-body">
          <p>
            Right now: <PublicStatusBadge settings={settings} />
          </p>
          <fieldset className="bucket-switches">
            <legend>Block Public Access for this bucket</legend>
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
                  <strong>{s.label}</strong>
                  <small>{s.blocks}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="bucket-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={!changed || save.busy}
              onClick={() => draft && void save.run(() => unwrap(api().buckets.setPublicAccessBlock({ connectionId, bucket, block: draft })))}
            >
              Save switches
            </button>
            <button type="button" className="btn" disabled={save.busy} onClick={() => setDraft({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true })}>
              Block all
            </button>
          </div>
          <SaveState {...save.state} />
          <div className="bucket-subsection">
            <h4>Account-level switches (read only)</h4>
            {account.supported ? (
              <ul className="bucket-list">
                {blockSwitches.map((s) => (
                  <li key={s.key}>
                    {s.label}: <strong>{account.value[s.key] ? 'On' : 'Off'}</strong>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="bucket-note">{account.message}</p>
            )}
          </div>
        </div>
      )}
    </PanelFrame>
  );
}
