import type { ssoOperations } from '../../../../shared/contract/sso.js';
import { ssoSettings } from '../../connections/sso/ssoSettings.js';
import { listSsoAccounts, listSsoRoles } from '../../connections/sso/ssoPortal.js';
import { SsoSignIns } from '../../connections/sso/ssoSignIns.js';
import type { SignInContext } from '../../connections/sso/deviceSignIn.js';
import { codedError } from '../../errors.js';
import { proxyPicker } from '../../net/proxyPicker.js';
import { secureContextFor } from '../../net/trustStore.js';
import { s3RequestHandler } from '../../s3/s3Client.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function ssoHandlers({ host }: Services): DomainHandlers<typeof ssoOperations> {
  const env = host.env ?? process.env;
  // Through the proxy the environment or the OS names, as connections go, with the system's CAs.
  let made: Promise<SignInContext> | undefined;
  // A failure is not kept: the next sign-in tries again.
  const context = () =>
    (made ??= secureContextFor().then(
      (secureContext) => ({
        env,
        homeDir: host.homeDir,
        requestHandler: s3RequestHandler({ network: { proxyFor: proxyPicker(env, host.resolveProxy?.bind(host)), secureContext } }),
      }),
      (error: unknown) => {
        made = undefined;
        throw error;
      },
    ));
  const signIns = new SsoSignIns(context);
  return {
    'sso:start': ({ profile }) => signIns.start(profile),
    'sso:openPage': async ({ signInId }) => {
      const page = signIns.page(signInId);
      if (!host.openSignInPage) throw codedError('unsupported', 'coreConnections:sso.openPageDesktopOnly', { url: page });
      await host.openSignInPage(page);
    },
    'sso:finish': ({ signInId }) => signIns.finish(signInId),
    'sso:cancel': ({ signInId }) => signIns.cancel(signInId),
    'sso:accounts': async ({ profile }) => {
      const ctx = await context();
      return listSsoAccounts(await ssoSettings(ctx.env, ctx.homeDir, profile), ctx);
    },
    'sso:roles': async ({ profile, accountId }) => {
      const ctx = await context();
      return listSsoRoles(await ssoSettings(ctx.env, ctx.homeDir, profile), accountId, ctx);
    },
  };
}
