/** The bucket settings view: a list of settings on the left, one panel at a time on the right. */
import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { BucketSettings } from '../../../../shared/buckets.js';
import { directoryBucketSettings, isDirectoryBucket } from '../../../../shared/directoryBuckets.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { bucketSettingsDialog, openDeleteBucket, unsavedChangesDialog } from './dialogs.js';
import { AccelerationPanel } from './AccelerationPanel.js';
import { CorsPanel } from './CorsPanel.js';
import { EncryptionPanel } from './EncryptionPanel.js';
import { LifecyclePanel } from './LifecyclePanel.js';
import { LoggingPanel } from './LoggingPanel.js';
import { NotificationsPanel } from './NotificationsPanel.js';
import { ObjectLockPanel } from './ObjectLockPanel.js';
import type { PanelProps } from './panelProps.js';
import { PolicyPanel } from './PolicyPanel.js';
import { PublicAccessPanel, PublicStatusBadge } from './PublicAccessPanel.js';
import { ReplicationPanel } from './ReplicationPanel.js';
import { RequesterPaysPanel } from './RequesterPaysPanel.js';
import { TagsPanel } from './TagsPanel.js';
import { UnsavedChangesContext, type UnsavedChanges } from './unsavedChanges.js';
import { VersioningPanel } from './VersioningPanel.js';
import { WebsitePanel } from './WebsitePanel.js';

const panels: { id: string; labelKey: string; Component: ComponentType<PanelProps> }[] = [
  { id: 'versioning', labelKey: 'buckets:settings.nav.versioning', Component: VersioningPanel },
  { id: 'public', labelKey: 'buckets:settings.nav.public', Component: PublicAccessPanel },
  { id: 'website', labelKey: 'buckets:settings.nav.website', Component: WebsitePanel },
  { id: 'lifecycle', labelKey: 'buckets:settings.nav.lifecycle', Component: LifecyclePanel },
  { id: 'replication', labelKey: 'buckets:settings.nav.replication', Component: ReplicationPanel },
  { id: 'encryption', labelKey: 'buckets:settings.nav.encryption', Component: EncryptionPanel },
  { id: 'policy', labelKey: 'buckets:settings.nav.policy', Component: PolicyPanel },
  { id: 'cors', labelKey: 'buckets:settings.nav.cors', Component: CorsPanel },
  { id: 'tags', labelKey: 'buckets:settings.nav.tags', Component: TagsPanel },
  { id: 'logging', labelKey: 'buckets:settings.nav.logging', Component: LoggingPanel },
  { id: 'notifications', labelKey: 'buckets:settings.nav.notifications', Component: NotificationsPanel },
  { id: 'requesterPays', labelKey: 'buckets:settings.nav.requesterPays', Component: RequesterPaysPanel },
  { id: 'objectLock', labelKey: 'buckets:settings.nav.objectLock', Component: ObjectLockPanel },
  { id: 'acceleration', labelKey: 'buckets:settings.nav.acceleration', Component: AccelerationPanel },
];

export function BucketSettingsDialog({ connectionId, bucket }: { connectionId: string; bucket: string }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<BucketSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const directory = isDirectoryBucket(bucket);
  // A directory bucket (S3 Express One Zone) shows only the settings it has.
  const shown = directory ? panels.filter((p) => directoryBucketSettings.has(p.id)) : panels;
  const [active, setActive] = useState(shown[0]!.id);
  const unsaved = useRef<UnsavedChanges | null>(null);
  const reload = useCallback(async () => {
    try {
      setSettings(await unwrap(api().buckets.settings({ connectionId, bucket })));
      setError(null);
    } catch (caught) {
      setError(toApiError(caught).message);
    }
  }, [connectionId, bucket]);
  useEffect(() => void reload(), [reload]);
  const panel = panels.find((p) => p.id === active)!;
  /** Leaves the open panel (for another, or closing), asking first when it holds unsaved edits. */
  const leave = async (then: () => void) => {
    const pending = unsaved.current;
    if (pending) {
      const choice = await unsavedChangesDialog.open({ panel: t(panel.labelKey), canSave: pending.canSave });
      if (choice === 'stay') return;
      if (choice === 'save' && !(await pending.save())) return;
      if (choice === 'discard') pending.discard();
      unsaved.current = null;
    }
    then();
  };
  const close = () => void leave(bucketSettingsDialog.close);

  return (
    <Modal title={t('buckets:settings.title', { bucket })} onCancel={close} className="bucket-settings-dialog">
      <div className="bucket-settings">
        <nav className="bucket-nav" aria-label={t('buckets:settings.nav.label')}>
          {shown.map((p) => (
            <button
              key={p.id}
              type="button"
              className={p.id === active ? 'bucket-nav-item active' : 'bucket-nav-item'}
              aria-current={p.id === active ? 'page' : undefined}
              onClick={() => p.id !== active && void leave(() => setActive(p.id))}
            >
              {t(p.labelKey)}
              {settings && !(settings as unknown as Record<string, { supported: boolean }>)[settingKey(p.id)]?.supported ? (
                <span className="bucket-nav-dim" title={t('buckets:settings.nav.unavailable')}>—</span>
              ) : null}
            </button>
          ))}
        </nav>
        <div className="bucket-content">
          {settings ? (
            <>
              <div className="bucket-summary">
                <span>{t('buckets:settings.region', { region: settings.region })}</span>
                {/* A directory bucket is never public: Block Public Access is always on. */}
                {directory ? null : <PublicStatusBadge settings={settings} />}
              </div>
              {directory ? <p className="bucket-note directory-bucket-note">{t('buckets:settings.directoryBucket')}</p> : null}
              <UnsavedChangesContext.Provider value={unsaved}>
                <panel.Component connectionId={connectionId} bucket={bucket} settings={settings} reload={reload} />
              </UnsavedChangesContext.Provider>
            </>
          ) : error ? (
            <div className="alert" role="alert">
              {error}
            </div>
          ) : (
            <p className="bucket-note">{t('buckets:settings.reading')}</p>
          )}
        </div>
      </div>
      <ModalFooter
        start={
          <button type="button" className="btn btn-link danger-link" onClick={() => openDeleteBucket(connectionId, bucket)}>
            {t('buckets:settings.deleteBucket')}
          </button>
        }
      >
        <button type="button" className="btn" onClick={close}>
          {t('buckets:done')}
        </button>
      </ModalFooter>
    </Modal>
  );
}

function settingKey(panelId: string): keyof BucketSettings {
  const keys: Record<string, keyof BucketSettings> = {
    versioning: 'versioning',
    public: 'publicAccessBlock',
    website: 'website',
    lifecycle: 'lifecycle',
    encryption: 'encryption',
    policy: 'policy',
    cors: 'cors',
    tags: 'tags',
    logging: 'logging',
    requesterPays: 'requesterPays',
    objectLock: 'objectLock',
    acceleration: 'accelerate',
    replication: 'replication',
    notifications: 'notifications',
  };
  return keys[panelId]!;
}
