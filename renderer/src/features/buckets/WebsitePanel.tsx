import { useEffect, useState } from 'react';
import { publicReadPolicy, type WebsiteConfig, type WebsiteRoutingRule } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { WarningIcon } from '../../components/icons.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { fromRoutingDraft, routingHasProblems, routingProblems, toRoutingDraft } from './routingDraft.js';
import { RoutingRulesEditor } from './RoutingRulesEditor.js';
import { useDrafts } from './useDrafts.js';
import { useSave } from './useSave.js';

type Mode = WebsiteConfig['mode'];
const noRules: WebsiteRoutingRule[] = [];

/** What stands between the site and its visitors: a Block Public Access switch, or no public policy. */
function websiteWarnings(settings: PanelProps['settings']): string[] {
  const out: string[] = [];
  const block = settings.publicAccessBlock.supported ? settings.publicAccessBlock.value : null;
  if (block?.blockPublicPolicy) out.push('“Block public bucket policies” is on: no policy can let visitors read the site.');
  if (block?.restrictPublicBuckets) out.push('“Restrict public buckets” is on: public policies are ignored for visitors.');
  const status = settings.publicStatus.supported ? settings.publicStatus.value : null;
  if (status && !status.isPublic) out.push('No policy or ACL lets visitors read the objects yet.');
  return out;
}

export function WebsitePanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const save = useSave(reload);
  const current = settings.website.supported ? settings.website.value.config : { mode: 'off' as const };
  const [mode, setMode] = useState<Mode>(current.mode);
  const [index, setIndex] = useState(current.mode === 'site' ? current.indexDocument : 'index.html');
  const [errorDoc, setErrorDoc] = useState(current.mode === 'site' ? (current.errorDocument ?? '') : '');
  const routing = useDrafts((current.mode === 'site' && current.routingRules) || noRules, toRoutingDraft, fromRoutingDraft);
  const routingIssues = routing.drafts.map(routingProblems);
  const [host, setHost] = useState(current.mode === 'redirect' ? current.hostName : '');
  const [protocol, setProtocol] = useState<'' | 'http' | 'https'>(current.mode === 'redirect' ? (current.protocol ?? '') : '');
  useEffect(() => setMode(current.mode), [current.mode]);

  const problem =
    mode === 'site' && !index.trim()
      ? 'Name the index document, such as index.html.'
      : mode === 'site' && routingIssues.some(routingHasProblems)
        ? 'Fix the routing rules marked above to save.'
        : mode === 'redirect' && !host.trim()
          ? 'Enter the host to redirect to.'
          : null;
  const build = (): WebsiteConfig => {
    if (mode === 'off') return { mode: 'off' };
    if (mode === 'redirect') return { mode: 'redirect', hostName: host.trim(), ...(protocol ? { protocol } : {}) };
    return {
      mode: 'site',
      indexDocument: index.trim(),
      ...(errorDoc.trim() ? { errorDocument: errorDoc.trim() } : {}),
      ...(routing.drafts.length ? { routingRules: routing.drafts.map(fromRoutingDraft) } : {}),
    };
  };
  const warnings = current.mode === 'site' ? websiteWarnings(settings) : [];

  return (
    <PanelFrame title="Static website hosting" explanation="Serves the bucket's objects as a website over plain HTTP at the website endpoint." panel={settings.website}>
      {(state) => (
        <div className="bucket-panel-body">
          <p>
            Now: <span className={`bucket-badge ${state.config.mode === 'off' ? 'neutral' : 'ok'}`} data-testid="website-state">{state.config.mode === 'off' ? 'Off' : state.config.mode === 'site' ? 'Hosting a website' : 'Redirecting all requests'}</span>
          </p>
          {state.config.mode !== 'off' ? (
            <p>
              Endpoint: <code className="bucket-endpoint" data-testid="website-endpoint">{state.endpoint}</code>
            </p>
          ) : null}
          {warnings.length ? (
            <div className="alert bucket-warning" role="status">
              <WarningIcon size={16} />
              <div>
                {warnings.map((w) => (
                  <div key={w}>{w}</div>
                ))}
                {settings.publicStatus.supported && !settings.publicStatus.value.isPublic ? (
                  <button
                    type="button"
                    className="btn bucket-inline-btn"
                    onClick={() => void save.run(() => unwrap(api().buckets.setPolicy({ connectionId, bucket, policy: publicReadPolicy(bucket) })))}
                  >
                    Add the standard public-read policy
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
          <div className="segmented" role="radiogroup" aria-label="Website hosting">
            {(['off', 'site', 'redirect'] as const).map((m) => (
              <label key={m} className={mode === m ? 'segment checked' : 'segment'}>
                <input type="radio" name="website-mode" checked={mode === m} onChange={() => setMode(m)} />
                {m === 'off' ? 'Off' : m === 'site' ? 'Host a website' : 'Redirect requests'}
              </label>
            ))}
          </div>
          {mode === 'site' ? (
            <div className="bucket-fields">
              <label>
                Index document
                <input className="input" value={index} onChange={(e) => setIndex(e.currentTarget.value)} aria-label="Index document" />
              </label>
              <label>
                <span>
                  Error document <small>(optional)</small>
                </span>
                <input className="input" value={errorDoc} placeholder="error.html" onChange={(e) => setErrorDoc(e.currentTarget.value)} aria-label="Error document" />
              </label>
            </div>
          ) : null}
          {mode === 'site' ? <RoutingRulesEditor {...routing} problems={routingIssues} /> : null}
          {mode === 'redirect' ? (
            <div className="bucket-fields">
              <label>
                Host name
                <input className="input" value={host} placeholder="www.example.com" onChange={(e) => setHost(e.currentTarget.value)} aria-label="Redirect host name" />
              </label>
              <label>
                Protocol
                <select className="select" aria-label="Redirect protocol" value={protocol} onChange={(e) => setProtocol(e.currentTarget.value as '' | 'http' | 'https')}>
                  <option value="">Same as the request</option>
                  <option value="https">https</option>
                  <option value="http">http</option>
                </select>
              </label>
            </div>
          ) : null}
          {problem ? <div className="field-error">{problem}</div> : null}
          <div className="bucket-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.busy || !!problem}
              onClick={() => void save.run(() => unwrap(api().buckets.setWebsite({ connectionId, bucket, website: build() })))}
            >
              Save website settings
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}
