/**
 * AWS shared config (~/.aws/config and ~/.aws/credentials, or AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE), read with the SDK's own loader and described for the UI.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { englishMessage } from '../../../shared/i18n/englishMessages.js';
import type { AwsProfileInfo } from '../../../shared/s3Objects.js';

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

async function ssoExpiry(homeDir: string, section: Section): Promise<number | undefined> {
  // The AWS CLI caches the sign-in under sha1(session name, or start URL for legacy profiles).
  const id = section.sso_session ?? section.sso_start_url;
  if (!id) return undefined;
  const file = join(homeDir, '.aws', 'sso', 'cache', `${createHash('sha1').update(id).digest('hex')}.json`);
  try {
    const token = JSON.parse(await readFile(file, 'utf8')) as { expiresAt?: string };
    const at = token.expiresAt ? Date.parse(token.expiresAt) : NaN;
    return Number.isFinite(at) ? at : undefined;
  } catch {
    return undefined;
  }
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
  if (s.sso_start_url || s.sso_session) return { ...base, kind: 'sso', ssoStartUrl: s.sso_start_url };
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
      info.ssoExpiresAt = await ssoExpiry(homeDir, section);
      Object.assign(info, ssoProblem(name, info.ssoExpiresAt));
    }
    out.push(info);
  }
  return out;
}

export async function awsProfile(env: NodeJS.ProcessEnv, homeDir: string, name: string): Promise<AwsProfileInfo | undefined> {
  return (await listAwsProfiles(env, homeDir)).find((p) => p.name === name);
}
