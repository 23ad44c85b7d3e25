/** Event notifications edited as a form: one card per target, plus the EventBridge switch, saved together. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationConfig } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { CheckField } from '../../components/dialogs/Field.js';
import './bucketRules.css';
import {
  describeNotification,
  fromNotificationDraft,
  newNotificationDraft,
  notificationHasProblems,
  notificationProblems,
  toNotificationDraft,
} from './notificationDraft.js';
import { NotificationRuleForm } from './NotificationRuleForm.js';
import { PanelFrame } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { RulesEditor } from './RulesEditor.js';
import { useDrafts } from './useDrafts.js';
import { useSave } from './useSave.js';

const none: NotificationConfig = { rules: [], eventBridge: false, onAws: true };
const maxRules = 100;

export function NotificationsPanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
  const current = settings.notifications.supported ? settings.notifications.value : none;
  const list = useDrafts(current.rules, toNotificationDraft, fromNotificationDraft);
  const [eventBridge, setEventBridge] = useState(current.eventBridge);
  useEffect(() => setEventBridge(current.eventBridge), [current.eventBridge]);
  const problems = notificationProblems(list.drafts);
  const invalid = problems.some(notificationHasProblems);
  const save = useSave(reload);
  const header = (
    <>
      {current.onAws ? null : <p className="bucket-note">{t('buckets:notifications.notAws')}</p>}
      <CheckField
        label={t('buckets:notifications.eventBridge')}
        checked={eventBridge}
        disabled={!current.onAws}
        onChange={setEventBridge}
        hint={t('buckets:notifications.eventBridgeHint')}
      />
    </>
  );
  return (
    <PanelFrame title={t('buckets:notifications.title')} explanation={t('buckets:notifications.explanation')} panel={settings.notifications}>
      {() => (
        <RulesEditor
          list={list}
          header={header}
          headerEdits={{ changed: eventBridge !== current.eventBridge, discard: () => setEventBridge(current.eventBridge) }}
          empty={t('buckets:notifications.empty')}
          card={(draft, i) => ({
            label: t('buckets:notifications.cardLabel', { n: i + 1 }),
            removeLabel: t('buckets:notifications.removeLabel', { n: i + 1 }),
            title: draft.id.trim() || t('buckets:lifecycle.noId'),
            titleMono: !!draft.id.trim(),
            summary: describeNotification(fromNotificationDraft(draft)),
            invalid: notificationHasProblems(problems[i]!),
            form: <NotificationRuleForm draft={draft} problems={problems[i]!} onAws={current.onAws} onChange={(patch) => list.edit(i, patch)} />,
          })}
          onAdd={() => list.add(newNotificationDraft(list.drafts.map((d) => d.id.trim())))}
          canAdd={list.drafts.length < maxRules}
          saveLabel={t('buckets:notifications.save')}
          invalid={invalid}
          save={save}
          onSave={() => unwrap(api().buckets.setNotifications({ connectionId, bucket, rules: list.drafts.map(fromNotificationDraft), eventBridge }))}
        />
      )}
    </PanelFrame>
  );
}
