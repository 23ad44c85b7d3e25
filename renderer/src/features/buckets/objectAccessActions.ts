/** "Make public", "Make private" and "Copy public URL" for S3 objects, from the file menu. */
import { splitS3Path } from '../../../../shared/paths.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { useDialogs } from '../../state/dialogs.js';
import { showError, showInfo } from '../../state/toasts.js';

/** The folder an object sits in, as a key prefix: `docs/a/b.txt` → `docs/a/`. */
export function prefixOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** The ACL-disabled answer (Object Ownership "Bucket owner enforced"): a policy is the way. */
const aclsDisabled = (message: string) => message.includes('disables ACLs');

export async function setObjectsPublic(connectionId: string, paths: string[], makePublic: boolean): Promise<void> {
  let done = 0;
  for (const path of paths) {
    try {
      await unwrap(api().buckets.setObjectPublic({ connectionId, path, makePublic }));
      done += 1;
    } catch (caught) {
      const error = toApiError(caught);
      if (makePublic && aclsDisabled(error.message)) {
        await offerPrefixPolicy(connectionId, path, error.message);
        return;
      }
      showError(error.message, makePublic ? 'Could not make the object public' : 'Could not make the object private');
      return;
    }
  }
  const what = done === 1 ? `“${paths[0]!.split('/').pop()}” is` : `${done} objects are`;
  showInfo(makePublic ? `${what} now public: anyone with the URL can read it.` : `${what} now private.`);
}

async function offerPrefixPolicy(connectionId: string, path: string, why: string): Promise<void> {
  const { bucket, key } = splitS3Path(path);
  const prefix = prefixOf(key);
  const scope = prefix ? `everything under “${prefix}”` : `every object in “${bucket}”`;
  const ok = await useDialogs.getState().askConfirm({
    title: 'ACLs are disabled on this bucket',
    message: `${why} Add a public-read policy for this prefix instead? Anyone will be able to read ${scope}, including objects added later.`,
    confirmLabel: 'Add a public-read policy for this prefix instead',
    danger: true,
  });
  if (!ok) return;
  try {
    await unwrap(api().buckets.addPublicReadPolicy({ connectionId, bucket, prefix }));
    showInfo(`Added a bucket policy: anyone can now read ${scope}.`);
  } catch (caught) {
    showError(toApiError(caught).message, 'Could not add the policy');
  }
}

export async function copyPublicUrl(connectionId: string, path: string): Promise<void> {
  try {
    const access = await unwrap(api().buckets.objectAccess({ connectionId, path }));
    await navigator.clipboard.writeText(access.url);
    showInfo(access.isPublic ? `Copied ${access.url}` : `Copied ${access.url} — the object is private, so this URL answers “Access denied” until it is made public.`);
  } catch (caught) {
    showError(toApiError(caught).message, 'Could not copy the public URL');
  }
}
