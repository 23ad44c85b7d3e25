/**
 * The cached IAM Identity Center token of a profile, refreshed before it expires: with the
 * refresh token and the cached client registration (CreateToken, grant refresh_token), as
 * the SDK's own SSO token provider does, written back to the cache the AWS CLI shares.
 */
import { codedError } from '../../errors.js';
import { ssoOidcClient, type SsoContext } from './ssoClients.js';
import type { SsoSettings } from './ssoSettings.js';
import { fromCacheTime, readSsoToken, ssoTokenFile, toCacheTime, writeSsoToken, type SsoCachedToken } from './ssoTokenCache.js';

/** A token this close to its end is refreshed first (the SDK's window). */
export const refreshWindowMs = 5 * 60_000;

/**
 * The refreshes under way, by cache file: a refresh token is good for one refresh, so callers
 * that find the token near its end at the same time share one CreateToken.
 */
const refreshing = new Map<string, Promise<SsoCachedToken | undefined>>();

function refreshedOnce(settings: SsoSettings, token: SsoCachedToken, ctx: SsoContext): Promise<SsoCachedToken | undefined> {
  const file = ssoTokenFile(ctx.homeDir, settings.cacheId);
  let running = refreshing.get(file);
  if (!running) {
    running = refreshed(settings, token, ctx).finally(() => refreshing.delete(file));
    refreshing.set(file, running);
  }
  return running;
}

async function refreshed(settings: SsoSettings, token: SsoCachedToken, ctx: SsoContext): Promise<SsoCachedToken | undefined> {
  const registrationEnds = fromCacheTime(token.registrationExpiresAt);
  if (!token.refreshToken || !token.clientId || !token.clientSecret || !registrationEnds || registrationEnds <= Date.now()) return undefined;
  const client = await ssoOidcClient({ env: ctx.env, region: settings.region, requestHandler: ctx.requestHandler });
  const { CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
  try {
    const answer = await client.send(
      new CreateTokenCommand({ clientId: token.clientId, clientSecret: token.clientSecret, grantType: 'refresh_token', refreshToken: token.refreshToken }),
    );
    if (!answer.accessToken || !answer.expiresIn) return undefined;
    const next: SsoCachedToken = {
      ...token,
      accessToken: answer.accessToken,
      expiresAt: toCacheTime(Date.now() + answer.expiresIn * 1000),
      refreshToken: answer.refreshToken ?? token.refreshToken,
    };
    await writeSsoToken(ctx.homeDir, settings.cacheId, next);
    return next;
  } catch {
    // A refused refresh (the session ended, the registration was revoked) means signing in again.
    return undefined;
  }
}

/** The profile's token, refreshed when it is about to expire; a sentence asking to sign in when there is none. */
export async function currentSsoToken(settings: SsoSettings, ctx: SsoContext): Promise<SsoCachedToken> {
  const token = await readSsoToken(ctx.homeDir, settings.cacheId);
  if (!token) throw codedError('auth', 'coreS3:session.ssoNotSignedIn', { profile: settings.profile });
  const expiresAt = fromCacheTime(token.expiresAt) ?? 0;
  if (expiresAt - Date.now() > refreshWindowMs) return token;
  const next = await refreshedOnce(settings, token, ctx);
  if (next) return next;
  if (expiresAt > Date.now()) return token;
  throw codedError('auth', 'coreS3:session.ssoExpiredAt', { profile: settings.profile, expiredAt: expiresAt });
}
