/**
 * Object keys as S3 sends and takes them. Listings ask for `EncodingType: 'url'` so keys
 * with control characters survive the XML. Servers differ on "/" (Ceph RGW encodes it in
 * `Key` but not in `CommonPrefixes`); decoding handles both.
 */

export function decodeListedKey(raw: string, encoded: boolean): string {
  if (!encoded) return raw;
  // S3 encodes like a form: a space may come as "+", a real plus as %2B.
  return decodeURIComponent(raw.replace(/\+/g, '%20'));
}

/** Characters XML 1.0 cannot carry: keys holding them cannot go into a DeleteObjects body. */
export function isXmlSafeKey(key: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(key);
}

/** The `CopySource` header: bucket and key, each path segment URL-encoded, and the version when one is given. */
export function copySource(bucket: string, key: string, versionId?: string): string {
  const encoded = `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return versionId ? `${encoded}?versionId=${encodeURIComponent(versionId)}` : encoded;
}
