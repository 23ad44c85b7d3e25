/**
 * What an IAM Identity Center (SSO) profile of ~/.aws/config says: where to sign in, and
 * the account and role it names. Both shapes the AWS CLI writes are read: a profile with
 * `sso_session` and its `[sso-session name]` section, and the legacy profile that holds
 * `sso_start_url` and `sso_region` itself.
 */
import { loadSharedConfigFiles } from '@smithy/core/config';
import { codedError } from '../../errors.js';
import { awsFiles } from '../awsProfiles.js';
import { ssoCacheId } from './ssoTokenCache.js';

/** The scope a sign-in asks for when the session names none (what the AWS CLI asks). */
const defaultScopes = ['sso:account:access'];

export interface SsoSettings {
  profile: string;
  startUrl: string;
  /** The region of the SSO OIDC and portal endpoints (`sso_region`). */
  region: string;
  /** The `[sso-session]` name; none for a legacy profile. */
  sessionName?: string;
  /** What the token cache file is named after: the session name, or the start URL for a legacy profile. */
  cacheId: string;
  scopes: string[];
  accountId?: string;
  roleName?: string;
}

type Section = Record<string, string | undefined>;

export async function ssoSettings(env: NodeJS.ProcessEnv, homeDir: string, profile: string): Promise<SsoSettings> {
  const { configFile } = await loadSharedConfigFiles({ ...awsFiles(env, homeDir), ignoreCache: true });
  const section = configFile[profile] as Section | undefined;
  if (!section || !(section.sso_session || section.sso_start_url)) throw codedError('invalidInput', 'coreConnections:sso.notSsoProfile', { profile });
  const sessionName = section.sso_session;
  const cacheId = ssoCacheId(section)!;
  const session = sessionName ? (configFile[`sso-session.${sessionName}`] as Section | undefined) : undefined;
  if (sessionName && !session) throw codedError('notFound', 'coreConnections:sso.noSession', { profile, session: sessionName });
  const startUrl = session?.sso_start_url ?? section.sso_start_url;
  const region = session?.sso_region ?? section.sso_region;
  if (!startUrl || !region) throw codedError('invalidInput', 'coreConnections:sso.incomplete', { profile });
  const scopes = session?.sso_registration_scopes
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    profile,
    startUrl,
    region,
    sessionName,
    cacheId,
    scopes: scopes?.length ? scopes : defaultScopes,
    accountId: section.sso_account_id,
    roleName: section.sso_role_name,
  };
}
