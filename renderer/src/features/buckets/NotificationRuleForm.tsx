/** The fields of one event notification: its target and ARN, the events it sends, and which keys. */
import { useTranslation } from 'react-i18next';
import { notificationEvents, type NotificationTarget } from '../../../../shared/buckets.js';
import { FormRow, TextField } from '../../components/dialogs/Field.js';
import { ChoiceField } from './RuleFields.js';
import { familyOf, targetKeys, toggleEvent, type NotificationDraft, type NotificationProblems } from './notificationDraft.js';

interface Props {
  draft: NotificationDraft;
  problems: NotificationProblems;
  /** Only AWS has SQS and Lambda targets; other servers send to their own topics. */
  onAws: boolean;
  onChange(patch: Partial<NotificationDraft>): void;
}

const targets: NotificationTarget[] = ['topic', 'queue', 'lambda'];

/** The documented events by family: `s3:ObjectCreated:*` and its members (shown by their last part), or an event alone. */
const families: { head: string; members: string[] }[] = notificationEvents.reduce<{ head: string; members: string[] }[]>((out, event) => {
  const family = familyOf(event);
  const last = out.at(-1);
  if (family && last?.head === family) last.members.push(event);
  else out.push({ head: event, members: [] });
  return out;
}, []);

export function NotificationRuleForm({ draft, problems, onAws, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form rule-form">
      <TextField label={t('buckets:lifecycle.form.id')} value={draft.id} onChange={(v) => onChange({ id: v })} error={problems.id} mono />
      <ChoiceField
        label={t('buckets:notifications.form.target')}
        value={draft.target}
        options={targets.map((target) => ({ value: target, label: t(targetKeys[target].label), disabled: !onAws && target !== 'topic' }))}
        onChange={(target) => onChange({ target })}
      />
      <TextField label={t('buckets:notifications.form.arn')} value={draft.arn} onChange={(v) => onChange({ arn: v })} error={problems.arn} placeholder={onAws ? targetKeys[draft.target].placeholder : t('buckets:placeholder.rgwTopic')} mono />
      <FormRow label={t('buckets:notifications.form.events')} error={problems.events}>
        <div className="notification-events" role="group" aria-label={t('buckets:notifications.form.events')}>
          {families.map(({ head, members }) => (
            <div key={head} className="notification-family">
              <label className="notification-event">
                <input type="checkbox" checked={draft.events.includes(head)} onChange={(e) => onChange({ events: toggleEvent(draft.events, head, e.currentTarget.checked) })} />
                <span className="mono">{head}</span>
              </label>
              {members.length ? (
                <div className="notification-members">
                  {members.map((event) => {
                    const covered = draft.events.includes(head);
                    return (
                      <label key={event} className="notification-event" title={event}>
                        <input
                          type="checkbox"
                          aria-label={event}
                          checked={covered || draft.events.includes(event)}
                          disabled={covered}
                          onChange={(e) => onChange({ events: toggleEvent(draft.events, event, e.currentTarget.checked) })}
                        />
                        <span className="mono">{event.slice(head.length - 1)}</span>
                      </label>
                    );
                  })}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </FormRow>
      <TextField label={t('buckets:lifecycle.form.prefix')} value={draft.prefix} onChange={(v) => onChange({ prefix: v })} error={problems.prefix} placeholder={t('buckets:placeholder.prefix')} mono />
      <TextField label={t('buckets:notifications.form.suffix')} value={draft.suffix} onChange={(v) => onChange({ suffix: v })} error={problems.suffix} placeholder={t('buckets:placeholder.suffix')} mono />
    </div>
  );
}
