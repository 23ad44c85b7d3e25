import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicReadPolicy, type WebsiteConfig, type WebsiteRoutingRule } from '../../../../shared/buckets.js';
import { api, unwrap } from '../../api/client.js';
import { WarningIcon } from '../../components/icons.js';
import { t as translate } from '../../i18n/i18n.js';
import { PanelFrame, SaveState } from './PanelFrame.js';
import type { PanelProps } from './panelProps.js';
import { fromRoutingDraft, routingHasProblems, routingProblems, toRoutingDraft } from './routingDraft.js';
import { RoutingRulesEditor } from './RoutingRulesEditor.js';
import { useDrafts } from './useDrafts.js';
import { useUnsavedChanges } from './unsavedChanges.js';
import { useSave } from './useSave.js';

type Mode = WebsiteConfig['mode'];
const noRules: WebsiteRoutingRule[] = [];

/** What stands between the site and its visitors: a Block Public Access switch, or no public policy. */
function websiteWarnings(settings: PanelProps['settings']): string[] {
  const out: string[] = [];
  const block = settings.publicAccessBlock.supported ? settings.publicAccessBlock.value : null;
  if (block?.blockPublicPolicy) out.push(translate('buckets:website.warning.blockPublicPolicy'));
  if (block?.restrictPublicBuckets) out.push(translate('buckets:website.warning.restrictPublicBuckets'));
  const status = settings.publicStatus.supported ? settings.publicStatus.value : null;
  if (status && !status.isPublic) out.push(translate('buckets:website.warning.notPublic'));
  return out;
}

export function WebsitePanel({ connectionId, bucket, settings, reload }: PanelProps) {
  const { t } = useTranslation();
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
      ? t('buckets:website.problem.noIndex')
      : mode === 'site' && routingIssues.some(routingHasProblems)
        ? t('buckets:website.problem.routing')
        : mode === 'redirect' && !host.trim()
          ? t('buckets:website.problem.noHost')
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
  const initial = {
    index: current.mode === 'site' ? current.indexDocument : 'index.html',
    errorDoc: current.mode === 'site' ? (current.errorDocument ?? '') : '',
    host: current.mode === 'redirect' ? current.hostName : '',
    protocol: (current.mode === 'redirect' ? (current.protocol ?? '') : '') as '' | 'http' | 'https',
  };
  const changed =
    mode !== current.mode ||
    (mode === 'site' && (index !== initial.index || errorDoc !== initial.errorDoc || routing.changed)) ||
    (mode === 'redirect' && (host !== initial.host || protocol !== initial.protocol));
  const write = () => save.run(() => unwrap(api().buckets.setWebsite({ connectionId, bucket, website: build() })));
  useUnsavedChanges(changed, {
    canSave: !problem,
    save: write,
    discard: () => {
      setMode(current.mode);
      setIndex(initial.index);
      setErrorDoc(initial.errorDoc);
      setHost(initial.host);
      setProtocol(initial.protocol);
      routing.discard();
    },
  });
  const warnings = current.mode === 'site' ? websiteWarnings(settings) : [];

  return (
    <PanelFrame title={t('buckets:website.title')} explanation={t('buckets:website.explanation')} panel={settings.website}>
      {(state) => (
        <div className="bucket-panel-body">
          <p>
            {t('buckets:now')}{' '}
            <span className={`bucket-badge ${state.config.mode === 'off' ? 'neutral' : 'ok'}`} data-testid="website-state">
              {state.config.mode === 'off' ? t('buckets:website.state.off') : state.config.mode === 'site' ? t('buckets:website.state.site') : t('buckets:website.state.redirect')}
            </span>
          </p>
          {state.config.mode !== 'off' ? (
            state.endpoint ? (
              <p>
                {t('buckets:website.endpoint')} <code className="bucket-endpoint" data-testid="website-endpoint">{state.endpoint}</code>
              </p>
            ) : (
              <p className="bucket-note" data-testid="website-endpoint">
                {t('buckets:website.endpointUnknown')}
              </p>
            )
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
                    {t('buckets:website.addPublicRead')}
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
          <div className="segmented" role="radiogroup" aria-label={t('buckets:website.modeLabel')}>
            {(['off', 'site', 'redirect'] as const).map((m) => (
              <label key={m} className={mode === m ? 'segment checked' : 'segment'}>
                <input type="radio" name="website-mode" checked={mode === m} onChange={() => setMode(m)} />
                {m === 'off' ? t('buckets:website.mode.off') : m === 'site' ? t('buckets:website.mode.site') : t('buckets:website.mode.redirect')}
              </label>
            ))}
          </div>
          {mode === 'site' ? (
            <div className="bucket-fields">
              <label>
                {t('buckets:website.index')}
                <input className="input" value={index} onChange={(e) => setIndex(e.currentTarget.value)} aria-label={t('buckets:website.index')} />
              </label>
              <label>
                <span>
                  {t('buckets:website.errorDocument')} <small>{t('buckets:optional')}</small>
                </span>
                <input className="input" value={errorDoc} placeholder={t('buckets:placeholder.errorDocument')} onChange={(e) => setErrorDoc(e.currentTarget.value)} aria-label={t('buckets:website.errorDocument')} />
              </label>
            </div>
          ) : null}
          {mode === 'site' ? <RoutingRulesEditor {...routing} problems={routingIssues} /> : null}
          {mode === 'redirect' ? (
            <div className="bucket-fields">
              <label>
                {t('buckets:website.hostName')}
                <input className="input" value={host} placeholder={t('buckets:placeholder.host')} onChange={(e) => setHost(e.currentTarget.value)} aria-label={t('buckets:website.redirectHost')} />
              </label>
              <label>
                {t('buckets:website.protocol')}
                <select className="select" aria-label={t('buckets:website.redirectProtocol')} value={protocol} onChange={(e) => setProtocol(e.currentTarget.value as '' | 'http' | 'https')}>
                  <option value="">{t('buckets:website.sameProtocol')}</option>
                  {(['https', 'http'] as const).map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
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
              onClick={() => void write()}
            >
              {t('buckets:website.save')}
            </button>
          </div>
          <SaveState {...save.state} />
        </div>
      )}
    </PanelFrame>
  );
}
