import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3ConnectionDraft } from '../../shared/connections.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const s3 = testS3Client(env);

/**
 * The shared RGW runs without STS (it would blur its auth error messages), so AssumeRole
 * is answered by a recorded STS response; the credentials it hands out are the test
 * user's keys plus a session token (RGW ignores the token), so S3 calls really work.
 */
const recordedAssumeRole = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${env.s3.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${env.s3.secretAccessKey}</SecretAccessKey>
      <SessionToken>FwoGZXIvYXdzEBYaDrecordedsessiontoken</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:stowage</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/stowage-reader/stowage</Arn>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;

function profileDraft(profile: string): S3ConnectionDraft {
  return {
    protocol: 's3',
    name: `profile ${profile}`,
    endpoint: { kind: 'custom', url: env.s3.endpoint },
    region: env.s3.region,
    forcePathStyle: true,
    rememberSecret: false,
    auth: { kind: 'profile', profile },
  };
}

describe('AWS profiles from a temp ~/.aws, against the real RGW', () => {
  let home: Awaited<ReturnType<typeof makeTempDir>>;
  let h: HeadlessCore;
  let call: ReturnType<typeof coreClient>;
  let sts: Server;
  const stsRequests: URLSearchParams[] = [];
  const bucket = uniqueBucketName('profiles');

  beforeAll(async () => {
    await createBucketWith(s3, bucket, { 'x.txt': 'x' });
    sts = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        stsRequests.push(new URLSearchParams(text));
        res.writeHead(200, { 'content-type': 'text/xml' }).end(recordedAssumeRole);
      });
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));

    home = await makeTempDir('aws-home');
    const aws = join(home.path, '.aws');
    await mkdir(join(aws, 'sso', 'cache'), { recursive: true });
    const proc = join(home.path, 'creds.mjs');
    await writeFile(
      proc,
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(env.s3.accessKeyId)}, SecretAccessKey: ${JSON.stringify(env.s3.secretAccessKey)} }));\n`,
    );
    await writeFile(
      join(aws, 'credentials'),
      `[rgw]\naws_access_key_id = ${env.s3.accessKeyId}\naws_secret_access_key = ${env.s3.secretAccessKey}\n\n[wrong]\naws_access_key_id = ${env.s3.accessKeyId}\naws_secret_access_key = not-the-secret\n`,
    );
    await writeFile(
      join(aws, 'config'),
      [
        '[profile rgw]',
        'region = us-east-1',
        '[profile role-mfa]',
        'role_arn = arn:aws:iam::123456789012:role/stowage-reader',
        'source_profile = rgw',
        'mfa_serial = arn:aws:iam::123456789012:mfa/tester',
        'region = us-east-1',
        '[profile proc]',
        `credential_process = ${process.execPath} ${proc}`,
        '[profile corp-sso]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = ReadOnly',
        'region = eu-west-1',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = eu-west-1',
        '',
      ].join('\n'),
    );
    const sha1 = createHash('sha1').update('corp').digest('hex');
    await writeFile(
      join(aws, 'sso', 'cache', `${sha1}.json`),
      JSON.stringify({ accessToken: 'old', expiresAt: '2024-01-02T03:04:05Z', region: 'eu-west-1', startUrl: 'https://corp.awsapps.com/start' }),
    );
    const port = (sts.address() as AddressInfo).port;
    h = await startHeadlessCore({ homeDir: home.path, env: { ...process.env, AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` } });
    call = coreClient(h.core);
  });
  afterAll(async () => {
    await removeBucket(s3, bucket);
    await h.dispose();
    await home.remove();
    await new Promise((resolve) => sts.close(resolve));
  });

  it('lists the profiles of both files with what each needs', async () => {
    const profiles = await call('connections:awsProfiles', {});
    expect(profiles.map((p) => [p.name, p.kind])).toEqual([
      ['corp-sso', 'sso'],
      ['proc', 'credentialProcess'],
      ['rgw', 'static'],
      ['role-mfa', 'assumeRole'],
      ['wrong', 'static'],
    ]);
    expect(profiles.find((p) => p.name === 'role-mfa')).toMatchObject({
      roleArn: 'arn:aws:iam::123456789012:role/stowage-reader',
      sourceProfile: 'rgw',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/tester',
    });
    const sso = profiles.find((p) => p.name === 'corp-sso')!;
    expect(sso.ssoStartUrl).toBe('https://corp.awsapps.com/start');
    expect(sso.ssoExpiresAt).toBe(Date.parse('2024-01-02T03:04:05Z'));
    expect(sso.problem).toMatch(/^The IAM Identity Center \(SSO\) sign-in expired at .+: sign in again \(or run `aws sso login --profile corp-sso`\), then connect again\.$/);
  });

  it('connects with a static-key profile and browses', async () => {
    const saved = await call('connections:save', { draft: profileDraft('rgw') });
    expect(saved.needsSecretAtConnect).toBe(false);
    expect(await call('connections:connect', { id: saved.id })).toMatchObject({ state: 'connected' });
    expect((await call('fs:list', { connectionId: saved.id, path: `/${bucket}/` })).entries.map((e) => e.name)).toEqual(['x.txt']);
  });

  it('assumes a role after asking for the MFA code, and sends that code to STS', async () => {
    const saved = await call('connections:save', { draft: profileDraft('role-mfa') });
    expect(await call('connections:connect', { id: saved.id })).toEqual({
      state: 'mfaPrompt',
      connectionId: saved.id,
      profile: 'role-mfa',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/tester',
    });
    expect(stsRequests).toHaveLength(0);
    expect(await call('connections:connect', { id: saved.id, secrets: { mfaCode: '123456' } })).toMatchObject({ state: 'connected' });
    const sent = stsRequests.at(-1)!;
    expect(sent.get('Action')).toBe('AssumeRole');
    expect(sent.get('RoleArn')).toBe('arn:aws:iam::123456789012:role/stowage-reader');
    expect(sent.get('SerialNumber')).toBe('arn:aws:iam::123456789012:mfa/tester');
    expect(sent.get('TokenCode')).toBe('123456');
    expect((await call('fs:list', { connectionId: saved.id, path: `/${bucket}/` })).entries.map((e) => e.name)).toEqual(['x.txt']);
  });

  it('runs credential_process for its credentials', async () => {
    const saved = await call('connections:save', { draft: profileDraft('proc') });
    expect(await call('connections:connect', { id: saved.id })).toMatchObject({ state: 'connected' });
    expect((await call('fs:list', { connectionId: saved.id, path: `/${bucket}/` })).entries).toHaveLength(1);
  });

  it('explains an expired SSO sign-in, a wrong key and a missing profile', async () => {
    const sso = await call('connections:save', { draft: profileDraft('corp-sso') });
    const expired = await failureOf(call('connections:connect', { id: sso.id }));
    expect(expired.kind).toBe('auth');
    expect(expired.message).toContain('sign in again (or run `aws sso login --profile corp-sso`)');
    const wrong = await call('connections:save', { draft: profileDraft('wrong') });
    expect(await failureOf(call('connections:connect', { id: wrong.id }))).toEqual({ kind: 'auth', code: 'coreS3:service.wrongKeys', message: 'The access key or secret key is wrong.' });
    const missing = await call('connections:save', { draft: profileDraft('nope') });
    expect((await failureOf(call('connections:connect', { id: missing.id }))).message).toMatch(/^There is no AWS profile named “nope”/);
  });

  it('honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE', async () => {
    const elsewhere = await makeTempDir('aws-elsewhere');
    await writeFile(join(elsewhere.path, 'creds'), `[moved]\naws_access_key_id = ${env.s3.accessKeyId}\naws_secret_access_key = ${env.s3.secretAccessKey}\n`);
    await writeFile(join(elsewhere.path, 'conf'), '[profile moved]\nregion = us-east-1\n');
    const other = await startHeadlessCore({
      env: { ...process.env, AWS_SHARED_CREDENTIALS_FILE: join(elsewhere.path, 'creds'), AWS_CONFIG_FILE: join(elsewhere.path, 'conf') },
    });
    try {
      const c = coreClient(other.core);
      expect((await c('connections:awsProfiles', {})).map((p) => p.name)).toEqual(['moved']);
      const saved = await c('connections:save', { draft: profileDraft('moved') });
      expect(await c('connections:connect', { id: saved.id })).toMatchObject({ state: 'connected' });
    } finally {
      await other.dispose();
      await elsewhere.remove();
    }
  });

  it('takes fresh credentials into a live session without closing it, refusing bad ones', async () => {
    const saved = await call('connections:save', {
      draft: {
        ...profileDraft('keys'),
        auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
      },
    });
    await call('connections:connect', { id: saved.id });
    const session = h.core.sessions.get(saved.id);
    // Refused typed keys are an answer that asks for them again (see connectionSecretsRefused.test.ts).
    const bad = await call('connections:connect', { id: saved.id, secrets: { secretAccessKey: 'expired-or-revoked' } });
    expect(bad).toEqual({ state: 'credentialsRefused', connectionId: saved.id, message: 'The access key or secret key is wrong.', code: 'coreS3:service.wrongKeys' });
    expect(h.core.sessions.get(saved.id)).toBe(session);
    expect((await call('fs:list', { connectionId: saved.id, path: `/${bucket}/` })).entries).toHaveLength(1);
    expect(await call('connections:connect', { id: saved.id, secrets: { secretAccessKey: env.s3.secretAccessKey } })).toMatchObject({ state: 'connected' });
    expect(h.core.sessions.get(saved.id)).toBe(session);
  });

  it('duplicates a connection with its saved secret', async () => {
    const saved = await call('connections:save', {
      draft: { ...profileDraft('keys'), name: 'Original', rememberSecret: true, auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey } },
    });
    const copy = await call('connections:duplicate', { id: saved.id });
    expect(copy).toMatchObject({ name: 'Original (copy)', hasSavedSecret: true, needsSecretAtConnect: false });
    expect(copy.id).not.toBe(saved.id);
    expect(await call('connections:connect', { id: copy.id })).toMatchObject({ state: 'connected' });
  });
});
