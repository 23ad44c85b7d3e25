/** "Make public", "Make private" and "Copy public URL" for S3 objects, from the file menu. */
import { splitS3Path } from '../../../../shared/paths.js';
import { copyText } from '../../api/clipboard.js';
import { api, unwrap } from '../../api/client.js';
import { askConfirm } from '../../state/dialogs.js';
import { showError, showFailure, showInfo } from '../../state/toasts.js';

/** The folder an object sits in, as a key prefix: `docs/a/b.txt` → `docs/a/`. */
export function prefixOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

const noAclsTitle = 'This bucket does not allow ACLs';
const whyNoAcls = 'Its Object Ownership setting (“Bucket owner enforced”) turns ACLs off';

const nameOf = (path: string) => path.split('/').pop() ?? path;

export async function setObjectsPublic(connectionId: string, paths: string[], makePublic: boolean): Promise<void> {
  let done = 0;
  for (const path of paths) {
    try {
      const outcome = await unwrap(api().buckets.setObjectPublic({ connectionId, path, makePublic }));
      if (outcome === 'aclsDisabled') {
        if (makePublic) await offerPrefixPolicy(connectionId, path, paths.length);
        else showError(`${noAclsTitle}. ${whyNoAcls}: only the bucket policy decides who may read its objects.`, 'Could not make the object private');
        return;
      }
      done += 1;
    } catch (caught) {
      showFailure(caught, makePublic ? 'Could not make the object public' : 'Could not make the object private');
      return;
    }
  }
  const what = done === 1 ? `“${nameOf(paths[0]!)}” is` : `${done} objects are`;
  showInfo(makePublic ? `${what} now public: anyone with the URL can read it.` : `${what} now private.`);
}

/** Where ACLs are off, a bucket policy is the way: offer one for the object's folder. */
async function offerPrefixPolicy(connectionId: string, path: string, count: number): Promise<void> {
  const { bucket, key } = splitS3Path(path);
  const prefix = prefixOf(key);
  const scope = prefix ? `everything under “${prefix}”` : `every object in “${bucket}”`;
  const blocked = count === 1 ? `“${nameOf(path)}” cannot be made public on its own` : `these ${count} objects cannot be made public on their own`;
  const ok = await askConfirm({
    title: noAclsTitle,
    message:
      `${whyNoAcls}, so ${blocked}. ` +
      `A bucket policy can let anyone read ${scope} instead, including objects added there later.`,
    confirmLabel: 'Add public-read policy',
    danger: true,
  });
  if (!ok) return;
  try {
    await unwrap(api().buckets.addPublicReadPolicy({ connectionId, bucket, prefix }));
    showInfo(`Added a bucket policy: anyone can now read ${scope}.`);
  } catch (caught) {
    showFailure(caught, 'Could not add the policy');
  }
}

export async function copyPublicUrl(connectionId: string, path: string): Promise<void> {
  try {
    const access = await unwrap(api().buckets.objectAccess({ connectionId, path }));
    await copyText(access.url);
    showInfo(access.isPublic ? `Copied ${access.url}` : `Copied ${access.url} — the object is private, so this URL answers “Access denied” until it is made public.`);
  } catch (caught) {
    showFailure(caught, 'Could not copy the public URL');
  }
}
