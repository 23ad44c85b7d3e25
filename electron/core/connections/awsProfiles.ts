/**
 * AWS shared config (~/.aws/config and ~/.aws/credentials, or AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE), read with the SDK's own loader and described for the UI.
 */
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { englishMessage } from '../../../shared/i18n/englishMessages.js';
import type { AwsProfileInfo } from '../../../shared/s3Objects.js';
import { fromCacheTime, readSsoToken, ssoCacheId } from './sso/ssoTokenCache.js';

export interface AwsFiles {
  filepath: string;
  configFilepath: string;
}

export function awsFiles(env: NodeJS.ProcessEnv, homeDir: string): AwsFiles {
  return {
    filepath: env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir, '.aws', 'credentials'),
    configFilepath: env.AWS_CONFIG_FILE || join(homeDir, '.aws', 'config'),
  };
}

type Section = Record<string, string | undefined>;

/** When the cached sign-in ends; none when there is none, or when a refresh token renews it as it is used. */
async function ssoExpiry(homeDir: string, section: Section): Promise<{ expiresAt?: number; renewable: boolean }> {
  const id = ssoCacheId(section);
  const token = id ? await readSsoToken(homeDir, id) : undefined;
  const registrationEnds = fromCacheTime(token?.registrationExpiresAt);
  return { expiresAt: fromCacheTime(token?.expiresAt), renewable: !!token?.refreshToken && !!registrationEnds && registrationEnds > Date.now() };
}

/** Why an SSO profile cannot work as is, in English and as its catalog key and values; none when it can. */
export function ssoProblem(name: string, expiresAt: number | undefined, now = Date.now()): Pick<AwsProfileInfo, 'problem' | 'problemCode' | 'problemParams'> {
  if (expiresAt !== undefined && expiresAt > now) return {};
  const [code, params] =
    expiresAt === undefined ? ['coreS3:session.ssoNotSignedIn', { profile: name }] : ['coreS3:session.ssoExpiredAt', { profile: name, expiredAt: expiresAt }];
  return { problem: englishMessage(code, params), problemCode: code, problemParams: params };
}

function describe(name: string, s: Section): AwsProfileInfo {
  const base = { name, region: s.region };
  if (s.sso_start_url || s.sso_session) {
    return { ...base, kind: 'sso', ssoStartUrl: s.sso_start_url, ssoAccountId: s.sso_account_id, ssoRoleName: s.sso_role_name };
  }
  if (s.role_arn && s.web_identity_token_file) return { ...base, kind: 'webIdentity', roleArn: s.role_arn };
  if (s.role_arn) {
    return { ...base, kind: 'assumeRole', roleArn: s.role_arn, sourceProfile: s.source_profile, mfaSerial: s.mfa_serial };
  }
  if (s.credential_process) return { ...base, kind: 'credentialProcess' };
  if (s.aws_access_key_id) return { ...base, kind: 'static' };
  return { ...base, kind: 'other' };
}

/** Every profile of both files, merged the way the SDK merges them. */
export async function listAwsProfiles(env: NodeJS.ProcessEnv, homeDir: string): Promise<AwsProfileInfo[]> {
  const files = awsFiles(env, homeDir);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ...files, ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  const out: AwsProfileInfo[] = [];
  for (const name of [...names].sort()) {
    // Non-profile sections come back as "sso-session.x", "services.x".
    if (/^(sso-session|services)\./.test(name)) continue;
    const section = { ...configFile[name], ...credentialsFile[name] } as Section;
    const info = describe(name, section);
    if (info.kind === 'sso') {
      const sessionSection = section.sso_session ? (configFile[`sso-session.${section.sso_session}`] as Section | undefined) : undefined;
      info.ssoStartUrl ??= sessionSection?.sso_start_url;
      const { expiresAt, renewable } = await ssoExpiry(homeDir, section);
      // A sign-in its refresh token renews needs nothing from the user, even once the token itself ended.
      if (!renewable || (expiresAt ?? 0) > Date.now()) {
        info.ssoExpiresAt = expiresAt;
        Object.assign(info, ssoProblem(name, expiresAt));
      }
    }
    out.push(info);
  }
  return out;
}

export async function awsProfile(env: NodeJS.ProcessEnv, homeDir: string, name: string): Promise<AwsProfileInfo | undefined> {
  return (await listAwsProfiles(env, homeDir)).find((p) => p.name === name);
}
