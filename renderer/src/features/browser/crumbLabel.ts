/** What a breadcrumb shows: S3's root is "Buckets", an empty S3 key segment "(empty)", in the user's language; names as they are. */
import type { Crumb } from '../../../../shared/paths.js';
import type { Protocol } from '../../../../shared/files.js';
import { t } from '../../i18n/i18n.js';

export function crumbLabel(protocol: Protocol, crumb: Crumb): string {
  if (protocol !== 's3') return crumb.label;
  if (crumb.path === '/') return t('browser:pathBar.buckets');
  return crumb.path.endsWith('//') ? t('browser:pathBar.emptySegment') : crumb.label;
}
