import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { fromSSO } from '@aws-sdk/credential-providers';
import { getSSOTokenFilepath } from '@smithy/core/config';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { startDeviceSignIn } from '../../electron/core/connections/sso/deviceSignIn.js';
import { ssoSettings } from '../../electron/core/connections/sso/ssoSettings.js';
import { ssoTokenFile, toCacheTime } from '../../electron/core/connections/sso/ssoTokenCache.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import {
  recordedAccessToken,
  recordedAccounts,
  recordedClientId,
  recordedClientSecret,
  recordedRefreshToken,
  recordedUserCode,
  refreshedAccessToken,
  startRecordedSso,
  type RecordedSso,
} from '../support/recordedSso.js';
import { testS3Client } from '../support/s3Fixtures.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);
const legacyStartUrl = 'https://legacy-example.awsapps.com/start';

const config = [
  // An sso-session profile that names no account or role: the user picks them.
  '[profile corp]',
  'sso_session = corp',
  'region = us-east-1',
  // One that names them, as `aws configure sso` writes it.
  '[profile corp-reader]',
  'sso_session = corp',
  'sso_account_id = 111122223333',
  'sso_role_name = ReadOnly',
  'region = us-east-1',
  '[sso-session corp]',
  'sso_start_url = https://corp-example.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_registration_scopes = sso:account:access',
  // A legacy profile: the token is cached under its start URL.
  '[profile legacy]',
  'sso_start_url = https://legacy-example.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_account_id = 444455556666',
  'sso_role_name = DataEngineer',
  '',
].join('\n');

function profileDraft(profile: string, pick: { ssoAccountId?: string; ssoRoleName?: string } = {}): S3ConnectionDraft {
  return {
    protocol: 's3',
    name: `sso ${profile}`,
    endpoint: { kind: 'custom', url: env.s3.endpoint },
    region: env.s3.region,
    forcePathStyle: true,
    rememberSecret: false,
    auth: { kind: 'profile', profile, ...pick },
  };
}

describe('IAM Identity Center sign-in in the app (recorded AWS responses)', () => {
  let home: TempDir;
  let sso: RecordedSso;
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  const cacheFile = () => ssoTokenFile(home.path, 'corp');
  const tokenPolls = () => sso.requests.filter((r) => r.path === '/token' && r.body.grantType !== 'refresh_token');

  beforeAll(async () => {
    sso = await startRecordedSso({ accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey });
    home = await makeTempDir('sso-home');
    await mkdir(join(home.path, '.aws'), { recursive: true });
    await writeFile(join(home.path, '.aws', 'config'), config);
    h = await startHeadlessCore({ homeDir: home.path, env: { ...process.env, AWS_ENDPOINT_URL_SSO_OIDC: sso.url, AWS_ENDPOINT_URL_SSO: sso.url } });
    call = coreClient(h.core);
  });
  afterAll(async () => {
    await h.dispose();
    await sso.close();
    await home.remove();
  });
  beforeEach(async () => {
    sso.requests.length = 0;
    sso.tokenAnswers.length = 0;
    sso.refreshDelayMs = 0;
    sso.devicePages = {};
    await writeFile(join(home.path, '.aws', 'config'), config);
    await rm(join(home.path, '.aws', 'sso'), { recursive: true, force: true });
  });

  /** The corp session signed in as the device sign-in caches it (registration and refresh token included), ending in eight hours unless told. */
  async function signedIn(expiresAt = toCacheTime(Date.now() + 28_800_000)) {
    await mkdir(dirname(cacheFile()), { recursive: true });
    await writeFile(
      cacheFile(),
      JSON.stringify({
        startUrl: 'https://corp-example.awsapps.com/start',
        region: 'us-east-1',
        accessToken: recordedAccessToken,
        expiresAt,
        clientId: recordedClientId,
        clientSecret: recordedClientSecret,
        registrationExpiresAt: '2099-01-01T00:00:00Z',
        refreshToken: recordedRefreshToken,
      }),
    );
  }

  it('signs in with the device code while CreateToken answers authorization_pending, and caches the token where the AWS CLI reads it', async () => {
    sso.tokenAnswers.push('pending', 'pending');
    const started = await call('sso:start', { profile: 'corp' });
    expect(started).toMatchObject({ userCode: recordedUserCode, verificationUri: 'https://device.sso.us-east-1.amazonaws.com/', expiresIn: 600 });
    // The window never gets the device code or the client secret.
    expect(Object.keys(started).sort()).toEqual(['expiresIn', 'signInId', 'userCode', 'verificationUri']);
    const register = sso.requests.find((r) => r.path === '/client/register')!;
    expect(register.body).toEqual({ clientName: 'stowage', clientType: 'public', scopes: ['sso:account:access'] });
    expect(sso.requests.find((r) => r.path === '/device_authorization')!.body).toEqual({
      clientId: recordedClientId,
      clientSecret: expect.any(String),
      startUrl: 'https://corp-example.awsapps.com/start',
    });

    const before = Date.now();
    const { expiresAt } = await call('sso:finish', { signInId: started.signInId });
    expect(tokenPolls()).toHaveLength(3);
    expect(tokenPolls()[0]!.body).toMatchObject({ grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: expect.stringContaining('DEVICECODE') });
    // One second apart, as the recorded authorization asks.
    expect(tokenPolls()[2]!.at - tokenPolls()[0]!.at).toBeGreaterThanOrEqual(1_900);
    expect(expiresAt).toBeGreaterThan(before + 28_000_000);

    const cached = JSON.parse(await readFile(cacheFile(), 'utf8'));
    expect(cached).toEqual({
      startUrl: 'https://corp-example.awsapps.com/start',
      region: 'us-east-1',
      accessToken: recordedAccessToken,
      expiresAt: new Date(expiresAt).toISOString().replace('.000Z', 'Z'),
      clientId: recordedClientId,
      clientSecret: expect.any(String),
      registrationExpiresAt: '2099-01-01T00:00:00Z',
      refreshToken: recordedRefreshToken,
    });
    expect((await stat(cacheFile())).mode & 0o777).toBe(0o600);
    // The profile list no longer asks to sign in.
    const profile = (await call('connections:awsProfiles', {})).find((p) => p.name === 'corp')!;
    expect(profile.problem).toBeUndefined();
    expect(profile.ssoExpiresAt).toBe(expiresAt);
  });

  it('hands the cached sign-in to the SDK: its own getSSOTokenFilepath names the same file and fromSSO signs with it', async () => {
    await signedIn();
    const savedHome = process.env.HOME;
    process.env.HOME = home.path;
    try {
      expect(getSSOTokenFilepath('corp')).toBe(cacheFile());
      const credentials = await fromSSO({
        profile: 'corp-reader',
        filepath: join(home.path, '.aws', 'credentials'),
        configFilepath: join(home.path, '.aws', 'config'),
        ignoreCache: true,
        clientConfig: { endpoint: sso.url },
      })();
      expect(credentials.accessKeyId).toBe(env.s3.accessKeyId);
      const asked = sso.requests.find((r) => r.path === '/federation/credentials')!;
      expect(asked.headers['x-amz-sso_bearer_token']).toBe(recordedAccessToken);
      expect(Object.fromEntries(asked.query)).toEqual({ account_id: '111122223333', role_name: 'ReadOnly' });
    } finally {
      process.env.HOME = savedHome;
    }
  });

  it('lists the accounts (every page) and the roles the token allows', async () => {
    await signedIn();
    expect(await call('sso:accounts', { profile: 'corp' })).toEqual([...recordedAccounts].sort((a, b) => a.accountName.localeCompare(b.accountName)));
    expect(sso.requests.filter((r) => r.path === '/assignment/accounts')).toHaveLength(2);
    expect(await call('sso:roles', { profile: 'corp', accountId: '111122223333' })).toEqual([{ roleName: 'AdministratorAccess' }, { roleName: 'ReadOnly' }]);
  });

  it('connects with the picked account and role, and with the ones the profile names', async () => {
    await signedIn();
    const picked = await call('connections:save', { draft: profileDraft('corp', { ssoAccountId: '444455556666', ssoRoleName: 'DataEngineer' }) });
    expect(await call('connections:connect', { id: picked.id })).toMatchObject({ state: 'connected' });
    // The role credentials are the testbed's keys: the RGW lists the same buckets for them.
    const listed = (await call('fs:list', { connectionId: picked.id, path: '/' })).entries.map((e) => e.name).sort();
    expect(listed).toEqual(((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name).sort());
    const asked = sso.requests.filter((r) => r.path === '/federation/credentials');
    expect(Object.fromEntries(asked.at(-1)!.query)).toEqual({ account_id: '444455556666', role_name: 'DataEngineer' });

    const named = await call('connections:save', { draft: profileDraft('corp-reader') });
    expect(await call('connections:connect', { id: named.id })).toMatchObject({ state: 'connected' });
    expect(Object.fromEntries(sso.requests.filter((r) => r.path === '/federation/credentials').at(-1)!.query)).toEqual({ account_id: '111122223333', role_name: 'ReadOnly' });

    // Neither picked nor named: a sentence saying what to do.
    const neither = await call('connections:save', { draft: profileDraft('corp') });
    const failure = await failureOf(call('connections:connect', { id: neither.id }));
    expect(failure).toMatchObject({ kind: 'invalidInput', code: 'coreConnections:sso.pickRole' });
    expect(failure.message).toBe('Profile “corp” names no AWS account and role: sign in and choose them in the connection.');
  });

  it('refreshes a token about to expire with the refresh token, and writes the new one back', async () => {
    await signedIn(toCacheTime(Date.now() + 60_000));
    await call('sso:accounts', { profile: 'corp' });
    await checkRefreshed();

    // Even once it has ended: the profile needs nothing from the user, and the next use renews it.
    await signedIn('2024-01-02T03:04:05Z');
    const renewable = (await call('connections:awsProfiles', {})).find((p) => p.name === 'corp')!;
    expect([renewable.kind, renewable.problem, renewable.ssoExpiresAt]).toEqual(['sso', undefined, undefined]);
    sso.requests.length = 0;
    await call('sso:accounts', { profile: 'corp' });
    await checkRefreshed();
  });

  async function checkRefreshed() {
    const refresh = sso.requests.find((r) => r.path === '/token')!;
    expect(refresh.body).toMatchObject({ grantType: 'refresh_token', refreshToken: recordedRefreshToken, clientId: recordedClientId });
    expect(sso.requests.find((r) => r.path === '/assignment/accounts')!.headers['x-amz-sso_bearer_token']).toBe(refreshedAccessToken);
    const after = JSON.parse(await readFile(cacheFile(), 'utf8'));
    expect(after.accessToken).toBe(refreshedAccessToken);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now() + 28_000_000);
  }

  it('refreshes once for callers that find the token near its end at the same time', async () => {
    await signedIn(toCacheTime(Date.now() + 60_000));
    // The refresh answers slowly, so both callers read the old token before it is written back.
    sso.refreshDelayMs = 400;
    const [accounts, roles] = await Promise.all([call('sso:accounts', { profile: 'corp' }), call('sso:roles', { profile: 'corp', accountId: '444455556666' })]);
    expect(accounts).toHaveLength(recordedAccounts.length);
    expect(roles).toEqual([{ roleName: 'DataEngineer' }]);
    expect(sso.requests.filter((r) => r.path === '/token')).toHaveLength(1);
    const portal = sso.requests.filter((r) => r.path.startsWith('/assignment/'));
    expect(portal.map((r) => r.headers['x-amz-sso_bearer_token'])).toEqual(portal.map(() => refreshedAccessToken));
  });

  it('refuses to connect with a role the user is not, or no longer, assigned, and says which', async () => {
    await signedIn();
    const refused = await call('connections:save', { draft: profileDraft('corp', { ssoAccountId: '444455556666', ssoRoleName: 'AdministratorAccess' }) });
    const failure = await failureOf(call('connections:connect', { id: refused.id }));
    expect(failure).toMatchObject({
      kind: 'auth',
      code: 'coreConnections:sso.roleRefused',
      params: { profile: 'corp', accountId: '444455556666', roleName: 'AdministratorAccess' },
      message:
        'IAM Identity Center refused role AdministratorAccess in account 444455556666 for profile “corp”: it does not exist or is no longer assigned to you. Sign in and choose another account and role.',
    });
    // AWS answered 403 "No access"; an account the user has no assignment in answers 404, said the same way.
    expect(sso.requests.filter((r) => r.path === '/federation/credentials')).toHaveLength(1);
    const unknown = await call('connections:save', { draft: profileDraft('corp', { ssoAccountId: '999999999999', ssoRoleName: 'ReadOnly' }) });
    expect(await failureOf(call('connections:connect', { id: unknown.id }))).toMatchObject({
      kind: 'auth',
      code: 'coreConnections:sso.roleRefused',
      params: { profile: 'corp', accountId: '999999999999', roleName: 'ReadOnly' },
    });
  });

  it('refuses a sign-in whose device page, or page with the code, is not an AWS sign-in page', async () => {
    for (const devicePages of [{ verificationUri: 'https://evil.example.com/device' }, { verificationUriComplete: 'http://device.sso.us-east-1.amazonaws.com/?user_code=X' }]) {
      sso.devicePages = devicePages;
      const url = Object.values(devicePages)[0];
      expect(await failureOf(call('sso:start', { profile: 'corp' }))).toMatchObject({ kind: 'invalidInput', code: 'coreConnections:sso.unexpectedPage', params: { url } });
    }
  });

  it('reuses the cached client registration for the next sign-in', async () => {
    await signedIn();
    const started = await call('sso:start', { profile: 'corp' });
    expect(sso.requests.some((r) => r.path === '/client/register')).toBe(false);
    await call('sso:cancel', { signInId: started.signInId });
  });

  it('says the code expired, the sign-in was denied, or cancelled, and keeps the cached sign-in', async () => {
    await signedIn();
    const kept = await readFile(cacheFile(), 'utf8');
    sso.tokenAnswers.push('pending', 'expired');
    const expired = await call('sso:start', { profile: 'corp' });
    expect(await failureOf(call('sso:finish', { signInId: expired.signInId }))).toEqual({
      kind: 'auth',
      code: 'coreConnections:sso.codeExpired',
      message: 'The sign-in code expired before it was approved: sign in again.',
    });
    sso.tokenAnswers.push('denied');
    const denied = await call('sso:start', { profile: 'corp' });
    expect(await failureOf(call('sso:finish', { signInId: denied.signInId }))).toMatchObject({ kind: 'auth', code: 'coreConnections:sso.denied' });

    sso.tokenAnswers.push('pending', 'pending', 'pending', 'pending');
    const cancelled = await call('sso:start', { profile: 'corp' });
    const waiting = failureOf(call('sso:finish', { signInId: cancelled.signInId }));
    await call('sso:cancel', { signInId: cancelled.signInId });
    expect(await waiting).toMatchObject({ kind: 'cancelled', code: 'coreConnections:sso.cancelled' });
    expect(await readFile(cacheFile(), 'utf8')).toBe(kept);
    expect(await failureOf(call('sso:finish', { signInId: cancelled.signInId }))).toMatchObject({ kind: 'notFound', code: 'coreConnections:sso.signInGone' });
  });

  it('backs off by the slow_down step when CreateToken answers slow_down', async () => {
    sso.tokenAnswers.push('slowDown', 'pending');
    const settings = await ssoSettings({ ...process.env, AWS_ENDPOINT_URL_SSO_OIDC: sso.url }, home.path, 'legacy');
    const ctx = { env: { ...process.env, AWS_ENDPOINT_URL_SSO_OIDC: sso.url }, homeDir: home.path, slowDownStepMs: 700 };
    const pending = await startDeviceSignIn(settings, ctx);
    // A legacy profile registers without scopes, as the AWS CLI does.
    expect(sso.requests.find((r) => r.path === '/client/register')!.body).toEqual({ clientName: 'stowage', clientType: 'public' });
    await pending.finish(new AbortController().signal);
    const [first, second, third] = tokenPolls();
    // 1 s before slow_down; 1.7 s after it, and it stays slower.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_650);
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(1_650);
    const legacy = JSON.parse(await readFile(ssoTokenFile(home.path, legacyStartUrl), 'utf8'));
    expect(legacy).toMatchObject({ startUrl: legacyStartUrl, region: 'us-east-1', accessToken: recordedAccessToken });
  });

  it('says when the sign-in expired, when it has no refresh token to renew it', async () => {
    const legacyFile = ssoTokenFile(home.path, legacyStartUrl);
    await mkdir(dirname(legacyFile), { recursive: true });
    await writeFile(legacyFile, JSON.stringify({ startUrl: legacyStartUrl, region: 'us-east-1', accessToken: 'old', expiresAt: '2024-01-02T03:04:05Z' }));
    const saved = await call('connections:save', { draft: profileDraft('legacy') });
    const failure = await failureOf(call('connections:connect', { id: saved.id }));
    expect(failure).toMatchObject({ kind: 'auth', code: 'coreS3:session.ssoExpiredAt', params: { profile: 'legacy', expiredAt: Date.parse('2024-01-02T03:04:05Z') } });
    expect(failure.message).toMatch(/^The IAM Identity Center \(SSO\) sign-in expired at .+: sign in again \(or run `aws sso login --profile legacy`\), then connect again\.$/);
    expect(sso.requests.some((r) => r.path === '/token' || r.path === '/federation/credentials')).toBe(false);
  });

  it('refuses a profile that is not an SSO one, in words', async () => {
    await writeFile(join(home.path, '.aws', 'config'), `${config}[profile keys]\nregion = us-east-1\n`);
    expect(await failureOf(call('sso:start', { profile: 'keys' }))).toMatchObject({
      kind: 'invalidInput',
      code: 'coreConnections:sso.notSsoProfile',
      message: 'The AWS profile “keys” is not an IAM Identity Center (SSO) profile.',
    });
    expect(await failureOf(call('sso:openPage', { signInId: 'no-such-sign-in' }))).toMatchObject({ kind: 'notFound' });
  });
});
