/** "Make public", "Make private" and "Copy public URL" for S3 objects, from the file menu. */
import { splitS3Path } from '../../../../shared/paths.js';
import { copyText } from '../../api/clipboard.js';
import { api, unwrap } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { askConfirm } from '../../state/dialogs.js';
import { showError, showFailure, showInfo } from '../../state/toasts.js';

/** The folder an object sits in, as a key prefix: `docs/a/b.txt` → `docs/a/`. */
export function prefixOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

const nameOf = (path: string) => path.split('/').pop() ?? path;

export async function setObjectsPublic(connectionId: string, paths: string[], makePublic: boolean): Promise<void> {
  let done = 0;
  for (const path of paths) {
    try {
      const outcome = await unwrap(api().buckets.setObjectPublic({ connectionId, path, makePublic }));
      if (outcome === 'aclsDisabled') {
        if (makePublic) await offerPrefixPolicy(connectionId, path, paths.length);
        else showError(t('buckets:access.privateNoAcls'), t('buckets:access.privateFailed'));
        return;
      }
      done += 1;
    } catch (caught) {
      showFailure(caught, makePublic ? t('buckets:access.publicFailed') : t('buckets:access.privateFailed'));
      return;
    }
  }
  const name = nameOf(paths[0]!);
  if (makePublic) showInfo(done === 1 ? t('buckets:access.publicOne', { name }) : t('buckets:access.public', { count: done }));
  else showInfo(done === 1 ? t('buckets:access.privateOne', { name }) : t('buckets:access.private', { count: done }));
}

/** Where ACLs are off, a bucket policy is the way: offer one for the object's folder. */
async function offerPrefixPolicy(connectionId: string, path: string, count: number): Promise<void> {
  const { bucket, key } = splitS3Path(path);
  const prefix = prefixOf(key);
  const name = nameOf(path);
  const message = prefix
    ? count === 1
      ? t('buckets:access.offer.oneUnderPrefix', { name, prefix })
      : t('buckets:access.offer.manyUnderPrefix', { count, prefix })
    : count === 1
      ? t('buckets:access.offer.oneInBucket', { name, bucket })
      : t('buckets:access.offer.manyInBucket', { count, bucket });
  const ok = await askConfirm({
    title: t('buckets:access.offer.title'),
    message,
    confirmLabel: t('buckets:access.offer.confirm'),
    danger: true,
  });
  if (!ok) return;
  try {
    await unwrap(api().buckets.addPublicReadPolicy({ connectionId, bucket, prefix }));
    showInfo(prefix ? t('buckets:access.policyAddedPrefix', { prefix }) : t('buckets:access.policyAddedBucket', { bucket }));
  } catch (caught) {
    showFailure(caught, t('buckets:access.policyFailed'));
  }
}

export async function copyPublicUrl(connectionId: string, path: string): Promise<void> {
  try {
    const access = await unwrap(api().buckets.objectAccess({ connectionId, path }));
    await copyText(access.url);
    showInfo(access.isPublic ? t('buckets:access.copied', { url: access.url }) : t('buckets:access.copiedPrivate', { url: access.url }));
  } catch (caught) {
    showFailure(caught, t('buckets:access.copyFailed'));
  }
}
