/** What the IAM Identity Center specs share: the recorded AWS server the core is pointed at, and an ~/.aws/config. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { test, type StowageApp } from './fixtures.js';
import { startRecordedSso, type RecordedSso } from '../support/recordedSso.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

/**
 * Starts the recorded SSO OIDC and portal server for the file's tests and points the core at it
 * (AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL_SSO: the core process is forked with this
 * process's environment when each test's app starts). Call at the top of a spec file.
 */
export function useRecordedSso(): () => RecordedSso {
  let sso: RecordedSso | undefined;
  const saved = { AWS_ENDPOINT_URL_SSO_OIDC: process.env.AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL_SSO: process.env.AWS_ENDPOINT_URL_SSO };
  test.beforeAll(async () => {
    const env = readTestbedEnv();
    sso = await startRecordedSso({ accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey });
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = sso.url;
    process.env.AWS_ENDPOINT_URL_SSO = sso.url;
  });
  test.afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await sso?.close();
  });
  return () => {
    if (!sso) throw new Error('The recorded SSO server starts in beforeAll.');
    return sso;
  };
}

/** Writes the app's ~/.aws/config. */
export async function writeAwsConfig(app: StowageApp, lines: string[]): Promise<string> {
  const aws = join(app.headless.homeDir, '.aws');
  await mkdir(join(aws, 'sso', 'cache'), { recursive: true });
  await writeFile(join(aws, 'config'), [...lines, ''].join('\n'));
  return aws;
}

export const corpSessionProfile = ['[profile corp]', 'sso_session = corp', 'region = us-east-1', '[sso-session corp]', 'sso_start_url = https://corp-example.awsapps.com/start', 'sso_region = us-east-1'];
export const legacyProfile = ['[profile legacy]', 'sso_start_url = https://legacy-example.awsapps.com/start', 'sso_region = us-east-1', 'sso_account_id = 444455556666', 'sso_role_name = DataEngineer'];

/** The New connection form filled for the test RGW with an AWS profile, left open. */
export async function profileForm(app: StowageApp, name: string, profile: string): Promise<Locator> {
  await app.page.getByRole('button', { name: 'New connection' }).click();
  const form = app.page.getByRole('dialog', { name: 'New connection' });
  await form.getByRole('radio', { name: 'S3' }).check();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Endpoint', { exact: true }).selectOption({ label: 'Custom endpoint' });
  await form.getByLabel('Endpoint URL').fill(app.servers.s3.endpoint);
  await form.getByLabel('Path-style addressing').check();
  await form.getByLabel('Authentication').selectOption({ label: 'AWS profile' });
  await form.getByLabel('Profile').fill(profile);
  return form;
}
