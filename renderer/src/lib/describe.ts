/** One-line descriptions of saved connections for the sidebar and panels. */
import type { ConnectionSummary } from '../../../shared/connections.js';

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
    if (c.endpoint.kind === 'aws') return `Amazon S3 · ${c.region}`;
    return hostOf(c.endpoint.url);
  }
  return `${c.username}@${c.host}${c.port === 22 ? '' : `:${c.port}`}`;
}

export function authDescription(c: ConnectionSummary): string {
  const auth = c.auth as { kind: string; accessKeyId?: string; profile?: string; keyPath?: string };
  switch (auth.kind) {
    case 'keys':
      return `Access key ${auth.accessKeyId ?? ''}`.trim();
    case 'profile':
      return `AWS profile “${auth.profile ?? ''}”`;
    case 'password':
      return 'Password';
    case 'key':
      return `Private key ${auth.keyPath ?? ''}`.trim();
    case 'agent':
      return 'ssh-agent';
    case 'keyboardInteractive':
      return 'Keyboard-interactive';
    default:
      return auth.kind;
  }
}

export function protocolLabel(c: ConnectionSummary): string {
  return c.protocol === 's3' ? 'S3' : 'SFTP';
}
