/**
 * The sign-in as the AWS CLI caches it, so the CLI, the SDKs and Stowage share one:
 * ~/.aws/sso/cache/<sha1 of the session name, or of the start URL for a legacy profile>.json,
 * the path @smithy's getSSOTokenFilepath computes (which reads HOME; the core's home may differ
 * in tests, so the same rule is applied to it here). Written atomically, readable by its owner only.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../lib/atomicWrite.js';

/** The cache file's fields, named as the AWS CLI names them. */
export interface SsoCachedToken {
  startUrl: string;
  region: string;
  accessToken: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  refreshToken?: string;
}

/** What a profile's sign-in is cached under: its `sso_session`, or its `sso_start_url` for a legacy profile. */
export function ssoCacheId(section: { sso_session?: string; sso_start_url?: string }): string | undefined {
  return section.sso_session ?? section.sso_start_url;
}

export function ssoTokenFile(homeDir: string, cacheId: string): string {
  return join(homeDir, '.aws', 'sso', 'cache', `${createHash('sha1').update(cacheId).digest('hex')}.json`);
}

/** The cached sign-in, or none when there is no file or it is not one. */
export async function readSsoToken(homeDir: string, cacheId: string): Promise<SsoCachedToken | undefined> {
  try {
    const token = JSON.parse(await readFile(ssoTokenFile(homeDir, cacheId), 'utf8')) as Partial<SsoCachedToken>;
    return typeof token.accessToken === 'string' && typeof token.expiresAt === 'string' ? (token as SsoCachedToken) : undefined;
  } catch {
    return undefined;
  }
}

export async function writeSsoToken(homeDir: string, cacheId: string, token: SsoCachedToken): Promise<void> {
  await writeFileAtomic(ssoTokenFile(homeDir, cacheId), `${JSON.stringify(token, null, 2)}\n`, 0o600);
}

/** Epoch ms as the cache holds times: ISO 8601 without milliseconds, as the AWS CLI writes them. */
export const toCacheTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** When a time the cache holds comes, in epoch ms; none when it is missing or not a date. */
export function fromCacheTime(iso: string | undefined): number | undefined {
  const at = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(at) ? at : undefined;
}
