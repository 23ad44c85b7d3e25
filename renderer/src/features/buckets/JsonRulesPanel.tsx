/** Lifecycle and CORS rules, edited as JSON arrays with an example and validation as you type. */
import { useEffect, useState } from 'react';
import type { CorsRule, LifecycleRule, Panel } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { JsonField, parseJsonArray } from './JsonField.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { useSave } from './useSave.js';

interface RulesProps<T> extends PanelProps {
  title: string;
  explanation: string;
  panel: Panel<T[]>;
  example: T[];
  save(rules: T[]): Promise<void>;
  describe(rule: T): string;
}

function RulesPanel<T>({ title, explanation, panel, example, save: send, describe, reload }: RulesProps<T>) {
  const current = panel.supported ? JSON.stringify(panel.value, null, 2) : '';
  const [text, setText] = useState(current === '[]' ? '' : current);
  useEffect(() => setText(current === '[]' ? '' : current), [current]);
  const parsed = parseJsonArray<T>(text);
  const save = useSave(reload);
  return (
    <PanelFrame title={title} explanation={explanation} panel={panel}>
      {(rules) => (
        <div className="bucket-panel-body">
          {rules.length ? (
            <ul className="bucket-list">
              {rules.map((r, i) => (
                <li key={i}>{describe(r)}</li>
              ))}
            </ul>
          ) : (
            <p className="bucket-note">No rules.</p>
          )}
          <JsonField label={`${title} (JSON)`} value={text} onChange={setText} problem={'problem' in parsed ? parsed.problem : null} placeholder={JSON.stringify(example, null, 2)} />
          <div className="bucket-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || 'problem' in parsed}
              onClick={() => 'value' in parsed && void save.run(() => send(parsed.value))}
            >
              Save rules
            </button>
            <button type="button" className="btn" onClick={() => setText(JSON.stringify(example, null, 2))}>
              Insert an example
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}

function describeLifecycle(r: LifecycleRule): string {
  const scope = [r.prefix ? `under “${r.prefix}”` : '', r.tag ? `tagged ${r.tag.key}=${r.tag.value}` : ''].filter(Boolean).join(' and ') || 'every object';
  const acts = [
    ...(r.transitions ?? []).map((t) => `to ${t.storageClass} after ${t.days} days`),
    r.expirationDays ? `expire after ${r.expirationDays} days` : '',
    r.noncurrentExpirationDays ? `delete old versions after ${r.noncurrentExpirationDays} days` : '',
    r.abortIncompleteMultipartDays ? `abort unfinished uploads after ${r.abortIncompleteMultipartDays} days` : '',
  ].filter(Boolean);
  return `${r.id}${r.enabled ? '' : ' (disabled)'}: ${scope} — ${acts.join(', ') || 'no action'}`;
}

export function LifecyclePanel(props: PanelProps) {
  const { connectionId, bucket, settings } = props;
  return (
    <RulesPanel<LifecycleRule>
      {...props}
      title="Lifecycle rules"
      explanation="Moves objects to cheaper storage classes or deletes them after a number of days, automatically."
      panel={settings.lifecycle}
      example={[
        { id: 'archive-logs', enabled: true, prefix: 'logs/', transitions: [{ days: 30, storageClass: 'STANDARD_IA' }], expirationDays: 365, noncurrentExpirationDays: 30, abortIncompleteMultipartDays: 7 },
      ]}
      describe={describeLifecycle}
      save={(rules) => unwrap(api().buckets.setLifecycle({ connectionId, bucket, rules }))}
    />
  );
}

export function CorsPanel(props: PanelProps) {
  const { connectionId, bucket, settings } = props;
  return (
    <RulesPanel<CorsRule>
      {...props}
      title="CORS"
      explanation="Lets web pages on other sites read or write this bucket from a browser."
      panel={settings.cors}
      example={[{ allowedOrigins: ['https://app.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['*'], maxAgeSeconds: 3000 }]}
      describe={(r) => `${r.allowedMethods.join(', ')} from ${r.allowedOrigins.join(', ')}`}
      save={(rules) => unwrap(api().buckets.setCors({ connectionId, bucket, rules }))}
    />
  );
}
