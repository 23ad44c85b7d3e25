/**
 * What a signed-in token opens on the AWS access portal: the accounts and roles the user
 * may pick, and the role credentials a connection signs its S3 requests with.
 */
import type { SSOClient } from '@aws-sdk/client-sso';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { SsoAccount, SsoRole } from '../../../../shared/sso.js';
import { codedError } from '../../errors.js';
import { ssoPortalClient, type SsoContext } from './ssoClients.js';
import type { SsoSettings } from './ssoSettings.js';
import { currentSsoToken } from './ssoToken.js';

/**
 * The portal refuses a token that ended or was revoked (401): that means signing in again. It
 * refuses role credentials for a role that is not, or no longer, assigned with 403 "No access"
 * (404 for an account or role it does not know): that means choosing another role.
 */
function explained(error: unknown, settings: SsoSettings, role?: { accountId: string; roleName: string }): unknown {
  const name = (error as Error)?.name;
  if (name === 'UnauthorizedException') return codedError('auth', 'coreS3:session.ssoExpired', { profile: settings.profile }, error);
  if (role && (name === 'ForbiddenException' || name === 'ResourceNotFoundException')) {
    return codedError('auth', 'coreConnections:sso.roleRefused', { profile: settings.profile, ...role }, error);
  }
  return error;
}

/** Every page of a portal list, with the profile's current token. */
async function allPages<T>(
  settings: SsoSettings,
  ctx: SsoContext,
  page: (client: SSOClient, accessToken: string, nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
): Promise<T[]> {
  const { accessToken } = await currentSsoToken(settings, ctx);
  const client = await ssoPortalClient({ env: ctx.env, region: settings.region, requestHandler: ctx.requestHandler });
  const items: T[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const answer = await page(client, accessToken, nextToken);
      items.push(...answer.items);
      nextToken = answer.nextToken;
    } while (nextToken);
  } catch (error) {
    throw explained(error, settings);
  }
  return items;
}

export async function listSsoAccounts(settings: SsoSettings, ctx: SsoContext): Promise<SsoAccount[]> {
  const { ListAccountsCommand } = await import('@aws-sdk/client-sso');
  const accounts = await allPages(settings, ctx, async (client, accessToken, nextToken) => {
    const page = await client.send(new ListAccountsCommand({ accessToken, nextToken, maxResults: 100 }));
    const items = (page.accountList ?? []).flatMap((a) => (a.accountId ? [{ accountId: a.accountId, accountName: a.accountName ?? a.accountId, emailAddress: a.emailAddress }] : []));
    return { items, nextToken: page.nextToken };
  });
  return accounts.sort((a, b) => a.accountName.localeCompare(b.accountName));
}

export async function listSsoRoles(settings: SsoSettings, accountId: string, ctx: SsoContext): Promise<SsoRole[]> {
  const { ListAccountRolesCommand } = await import('@aws-sdk/client-sso');
  const roles = await allPages(settings, ctx, async (client, accessToken, nextToken) => {
    const page = await client.send(new ListAccountRolesCommand({ accessToken, accountId, nextToken, maxResults: 100 }));
    return { items: (page.roleList ?? []).flatMap((r) => (r.roleName ? [{ roleName: r.roleName }] : [])), nextToken: page.nextToken };
  });
  return roles.sort((a, b) => a.roleName.localeCompare(b.roleName));
}

/**
 * Role credentials for the account and role the connection picked, else the profile's
 * `sso_account_id` / `sso_role_name`; each call refreshes the token first when it is near its end.
 */
export function ssoRoleCredentials(settings: SsoSettings, pick: { accountId?: string; roleName?: string }, ctx: SsoContext): AwsCredentialIdentityProvider {
  const accountId = pick.accountId || settings.accountId;
  const roleName = pick.roleName || settings.roleName;
  return async () => {
    if (!accountId || !roleName) throw codedError('invalidInput', 'coreConnections:sso.pickRole', { profile: settings.profile });
    const { accessToken } = await currentSsoToken(settings, ctx);
    const client = await ssoPortalClient({ env: ctx.env, region: settings.region, requestHandler: ctx.requestHandler });
    const { GetRoleCredentialsCommand } = await import('@aws-sdk/client-sso');
    try {
      const { roleCredentials: c } = await client.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
      if (!c?.accessKeyId || !c.secretAccessKey) throw codedError('internal', 'coreConnections:sso.badAnswer', { operation: 'GetRoleCredentials' });
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration ? new Date(c.expiration) : undefined };
    } catch (error) {
      throw explained(error, settings, { accountId, roleName });
    }
  };
}
