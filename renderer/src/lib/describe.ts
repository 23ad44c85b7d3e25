/** One-line descriptions of saved connections for the sidebar and panels. */
import type { ConnectionSummary } from '../../../shared/connections.js';
import { t } from '../i18n/i18n.js';

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host + (parsed.pathname !== '/' ? parsed.pathname : '');
  } catch {
    return url;
  }
}

/** "Amazon S3 · eu-west-1", "minio.local:9000", "deploy@example.com:2222". */
export function connectionSubtitle(c: ConnectionSummary): string {
  if (c.protocol === 's3') {
    if (c.endpoint.kind === 'aws') return t('app:describe.aws', { region: c.region });
    return hostOf(c.endpoint.url);
  }
  return `${c.username}@${c.host}${c.port === 22 ? '' : `:${c.port}`}`;
}

export function protocolLabel(c: ConnectionSummary): string {
  return c.protocol === 's3' ? 'S3' : 'SFTP';
}
