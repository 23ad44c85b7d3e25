/**
 * Event notifications as the form edits them and back, checked as you type (an ARN of the
 * right service, at least one event), and a sentence saying what each one sends where.
 */
import type { NotificationRule, NotificationTarget } from '../../../../shared/buckets.js';
import { t } from '../../i18n/i18n.js';
import { freeRuleId, ruleIdProblem } from './lifecycleDraft.js';

export interface NotificationDraft {
  key: string;
  id: string;
  target: NotificationTarget;
  arn: string;
  events: string[];
  prefix: string;
  suffix: string;
}

export interface NotificationProblems {
  id?: string;
  arn?: string;
  events?: string;
  prefix?: string;
  suffix?: string;
}

let keys = 0;
const nextKey = () => `notification-${++keys}`;

/** ARN shapes per target. RGW's topics have no account: arn:aws:sns:<zonegroup>::<name>. */
const arnShapes: Record<NotificationTarget, RegExp> = {
  topic: /^arn:[a-z-]+:sns:[a-z0-9-]*:(\d{12})?:[\w.-]{1,256}$/,
  queue: /^arn:[a-z-]+:sqs:[a-z0-9-]+:\d{12}:[\w-]{1,80}(\.fifo)?$/,
  lambda: /^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:function:[\w-]{1,64}(:[\w$-]{1,128})?$/,
};

export const targetKeys: Record<NotificationTarget, { label: string; arnProblem: string; placeholder: string }> = {
  topic: { label: 'buckets:notifications.target.topic', arnProblem: 'buckets:notifications.problem.topicArn', placeholder: 'arn:aws:sns:us-east-1:123456789012:uploads' },
  queue: { label: 'buckets:notifications.target.queue', arnProblem: 'buckets:notifications.problem.queueArn', placeholder: 'arn:aws:sqs:us-east-1:123456789012:uploads' },
  lambda: { label: 'buckets:notifications.target.lambda', arnProblem: 'buckets:notifications.problem.lambdaArn', placeholder: 'arn:aws:lambda:us-east-1:123456789012:function:resize' },
};

export function toNotificationDraft(rule: NotificationRule): NotificationDraft {
  return { key: nextKey(), id: rule.id, target: rule.target, arn: rule.arn, events: rule.events, prefix: rule.prefix ?? '', suffix: rule.suffix ?? '' };
}

export function newNotificationDraft(taken: string[]): NotificationDraft {
  return toNotificationDraft({ id: freeRuleId('notify', taken), target: 'topic', arn: '', events: ['s3:ObjectCreated:*'] });
}

/** `s3:ObjectCreated:Put` belongs to the family `s3:ObjectCreated:*`; null for events without one. */
export function familyOf(event: string): string | null {
  const parts = event.split(':');
  return parts.length === 3 && parts[2] !== '*' ? `${parts[0]}:${parts[1]}:*` : null;
}

/** The events with one switched; choosing a family's `*` drops its members (the `*` covers them). */
export function toggleEvent(events: string[], event: string, on: boolean): string[] {
  if (!on) return events.filter((e) => e !== event);
  const kept = event.endsWith(':*') ? events.filter((e) => familyOf(e) !== event) : events;
  return [...kept, event];
}

export function notificationProblems(drafts: NotificationDraft[]): NotificationProblems[] {
  const ids = drafts.map((d) => d.id.trim());
  return drafts.map((d, i) => {
    const p: NotificationProblems = {};
    const idProblem = ruleIdProblem(ids, i);
    if (idProblem) p.id = idProblem;
    const arn = d.arn.trim();
    if (!arn || !arnShapes[d.target].test(arn)) p.arn = t(targetKeys[d.target].arnProblem);
    if (d.events.length === 0) p.events = t('buckets:notifications.problem.noEvents');
    if (d.prefix.length > 1024) p.prefix = t('buckets:problem.longPrefix', { count: 1024 });
    if (d.suffix.length > 1024) p.suffix = t('buckets:notifications.problem.longSuffix', { count: 1024 });
    return p;
  });
}

export const notificationHasProblems = (p: NotificationProblems) => Object.values(p).some(Boolean);

export function fromNotificationDraft(d: NotificationDraft): NotificationRule {
  return {
    id: d.id.trim(),
    target: d.target,
    arn: d.arn.trim(),
    events: d.events,
    ...(d.prefix ? { prefix: d.prefix } : {}),
    ...(d.suffix ? { suffix: d.suffix } : {}),
  };
}

export function describeNotification(rule: NotificationRule): string {
  const scope =
    rule.prefix && rule.suffix
      ? t('buckets:notifications.summary.scope.prefixAndSuffix', { prefix: rule.prefix, suffix: rule.suffix })
      : rule.prefix
        ? t('buckets:notifications.summary.scope.prefix', { prefix: rule.prefix })
        : rule.suffix
          ? t('buckets:notifications.summary.scope.suffix', { suffix: rule.suffix })
          : t('buckets:notifications.summary.scope.all');
  return t('buckets:notifications.summary.sends', {
    events: rule.events.join(', ') || '—',
    scope,
    target: t(targetKeys[rule.target].label),
    arn: rule.arn || '—',
  });
}
