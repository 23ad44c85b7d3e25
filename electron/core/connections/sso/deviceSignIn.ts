/**
 * The device-authorization sign-in of IAM Identity Center (OAuth 2.0 device grant, RFC 8628),
 * as the AWS CLI's `aws sso login` does it: register a public client (kept with the token
 * for later sign-ins and refreshes), start a device authorization, let the user approve the
 * code in the browser while CreateToken is polled, then cache the token where the CLI does.
 */
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { isSsoSignInPage } from '../../../../shared/ssoSignInPage.js';
import { codedError } from '../../errors.js';
import { ssoOidcClient, type SsoContext } from './ssoClients.js';
import type { SsoSettings } from './ssoSettings.js';
import { fromCacheTime, readSsoToken, toCacheTime, writeSsoToken, type SsoCachedToken } from './ssoTokenCache.js';

/** What the window shows while the user approves the sign-in. */
export interface DeviceAuthorization {
  userCode: string;
  verificationUri: string;
  /** The page with the code filled in; what "Open the sign-in page" opens. */
  verificationUriComplete: string;
  /** Seconds the code is good for. */
  expiresIn: number;
  /** Seconds between polls, as AWS asks. */
  interval: number;
}

export interface SignInContext extends SsoContext {
  /** How much longer to wait between polls after each slow_down; RFC 8628 says 5 seconds. */
  slowDownStepMs?: number;
}

export interface PendingSignIn {
  authorization: DeviceAuthorization;
  /** Polls until the user approves (the token is then cached), refuses, or the code expires. */
  finish(signal: AbortSignal): Promise<{ expiresAt: number }>;
}

interface Registration {
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: string;
}

const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';
/** A cached registration this close to its end is replaced rather than used. */
const registrationMarginMs = 60 * 60_000;

async function registration(client: SSOOIDCClient, settings: SsoSettings, homeDir: string): Promise<Registration> {
  const cached = await readSsoToken(homeDir, settings.cacheId);
  const until = fromCacheTime(cached?.registrationExpiresAt);
  if (cached?.clientId && cached.clientSecret && until && until - Date.now() > registrationMarginMs) {
    return { clientId: cached.clientId, clientSecret: cached.clientSecret, registrationExpiresAt: cached.registrationExpiresAt! };
  }
  const { RegisterClientCommand } = await import('@aws-sdk/client-sso-oidc');
  // A legacy profile's token carries no scopes (and no refresh token), as with the CLI.
  const scopes = settings.sessionName ? settings.scopes : undefined;
  const answer = await client.send(new RegisterClientCommand({ clientName: 'stowage', clientType: 'public', scopes }));
  if (!answer.clientId || !answer.clientSecret || !answer.clientSecretExpiresAt) throw codedError('internal', 'coreConnections:sso.badAnswer', { operation: 'RegisterClient' });
  return { clientId: answer.clientId, clientSecret: answer.clientSecret, registrationExpiresAt: toCacheTime(answer.clientSecretExpiresAt * 1000) };
}

function waitFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(codedError('cancelled', 'coreConnections:sso.cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(codedError('cancelled', 'coreConnections:sso.cancelled'));
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** Registers (or reuses the cached registration) and starts a device authorization. */
export async function startDeviceSignIn(settings: SsoSettings, ctx: SignInContext): Promise<PendingSignIn> {
  const client = await ssoOidcClient({ env: ctx.env, region: settings.region, requestHandler: ctx.requestHandler });
  const { StartDeviceAuthorizationCommand, CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc');
  const reg = await registration(client, settings, ctx.homeDir);
  const started = await client.send(new StartDeviceAuthorizationCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl: settings.startUrl }));
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn } = started;
  if (!deviceCode || !userCode || !verificationUri || !verificationUriComplete || !expiresIn) {
    throw codedError('internal', 'coreConnections:sso.badAnswer', { operation: 'StartDeviceAuthorization' });
  }
  const page = [verificationUri, verificationUriComplete].find((url) => !isSsoSignInPage(url));
  if (page) throw codedError('invalidInput', 'coreConnections:sso.unexpectedPage', { url: page });
  const authorization: DeviceAuthorization = { userCode, verificationUri, verificationUriComplete, expiresIn, interval: started.interval ?? 5 };

  const finish = async (signal: AbortSignal) => {
    const deadline = Date.now() + expiresIn * 1000;
    let intervalMs = authorization.interval * 1000;
    for (;;) {
      await waitFor(intervalMs, signal);
      if (Date.now() > deadline) throw codedError('auth', 'coreConnections:sso.codeExpired');
      try {
        const token = await client.send(
          new CreateTokenCommand({ clientId: reg.clientId, clientSecret: reg.clientSecret, grantType: deviceGrant, deviceCode }),
          { abortSignal: signal },
        );
        if (!token.accessToken || !token.expiresIn) throw codedError('internal', 'coreConnections:sso.badAnswer', { operation: 'CreateToken' });
        const expiresAt = Date.now() + token.expiresIn * 1000;
        const cached: SsoCachedToken = {
          startUrl: settings.startUrl,
          region: settings.region,
          accessToken: token.accessToken,
          expiresAt: toCacheTime(expiresAt),
          ...reg,
          ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
        };
        await writeSsoToken(ctx.homeDir, settings.cacheId, cached);
        return { expiresAt: fromCacheTime(cached.expiresAt)! };
      } catch (error) {
        if (signal.aborted) throw codedError('cancelled', 'coreConnections:sso.cancelled');
        switch ((error as Error).name) {
          case 'AuthorizationPendingException':
            continue;
          case 'SlowDownException':
            intervalMs += ctx.slowDownStepMs ?? 5_000;
            continue;
          case 'ExpiredTokenException':
            throw codedError('auth', 'coreConnections:sso.codeExpired', undefined, error);
          case 'AccessDeniedException':
            throw codedError('auth', 'coreConnections:sso.denied', undefined, error);
          default:
            throw error;
        }
      }
    }
  };
  return { authorization, finish };
}
