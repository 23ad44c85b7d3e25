/**
 * User metadata travels in HTTP headers, which carry ASCII only. Other text is sent as
 * an RFC 2047 encoded word (what S3 itself answers for such values) and read back.
 */
const encodedWord = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/i;

export function encodeMetadataValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7E]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

export function decodeMetadataValue(value: string): string {
  const m = encodedWord.exec(value);
  return m ? Buffer.from(m[1]!, 'base64').toString('utf8') : value;
}

export function encodeMetadata(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k.toLowerCase(), encodeMetadataValue(v)]));
}

export function decodeMetadata(metadata: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, decodeMetadataValue(v)]));
}
