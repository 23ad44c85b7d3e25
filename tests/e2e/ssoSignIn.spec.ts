/**
 * Signing in to IAM Identity Center from the connection form (recorded AWS responses): the
 * core's SSO OIDC and portal clients are pointed at a loopback server replaying AWS's
 * documented answers (AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL_SSO in the core's
 * environment); the role credentials it hands out are the testbed's keys, so the connection
 * then really lists the RGW's buckets.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { row } from './actions.js';
import { bothThemes } from './browserScenes.js';
import { expect, test } from './fixtures.js';
import { corpSessionProfile, legacyProfile, profileForm, useRecordedSso, writeAwsConfig } from './ssoScenes.js';
import { ssoTokenFile, toCacheTime } from '../../electron/core/connections/sso/ssoTokenCache.js';
import { recordedAccessToken, recordedUserCode } from '../support/recordedSso.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const recorded = useRecordedSso();

/**
 * A bucket of this test's own on the RGW, so the connection's bucket list can be checked for
 * it while other tests make and remove theirs.
 */
async function ownBucket(servers: Parameters<typeof testS3Client>[0]) {
  const s3 = testS3Client(servers);
  const name = uniqueBucketName('e2e-sso');
  await createBucketWith(s3, name, {});
  return { name, remove: () => removeBucket(s3, name) };
}

test('IAM Identity Center: sign in from the connection form with the code shown, pick an account and role, and connect (recorded AWS responses)', async ({ app }) => {
  const { page, servers } = app;
  const sso = recorded();
  await writeAwsConfig(app, corpSessionProfile);
  // Two polls wait for the approval, so the code stays on screen a moment.
  sso.tokenAnswers.push('pending', 'pending');

  const form = await profileForm(app, 'Corp via SSO', 'corp');
  // Not signed in yet: the form offers to sign in here, and says the profile names no account or role.
  await expect(form).toContainText('Not signed in to IAM Identity Center (SSO) for this profile: sign in');
  await expect(form).toContainText('The profile names none: sign in to choose them.');
  await app.screenshot('sso-form-not-signed-in');
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();

  const signIn = page.getByRole('dialog', { name: 'Sign in to IAM Identity Center (corp)' });
  await expect(signIn.getByLabel('Sign-in code')).toHaveText(recordedUserCode);
  await expect(signIn).toContainText('Waiting for your approval in the browser');
  await expect(signIn).toContainText('https://device.sso.us-east-1.amazonaws.com/');
  await expect(signIn.getByRole('button', { name: 'Use this account and role' })).toHaveCount(0);
  await bothThemes(app, 'sso-code');
  // The keyboard is on "Open the sign-in page" once the code shows.
  await expect(signIn.getByRole('button', { name: 'Open the sign-in page' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => app.headless.openedSignInPages).toEqual([`https://device.sso.us-east-1.amazonaws.com/?user_code=${recordedUserCode}`]);

  // Approved (the third poll answers the token): the accounts and roles the token allows.
  await expect(signIn).toContainText('Signed in. Choose the account and role this connection uses.', { timeout: 15_000 });
  await expect(signIn.getByLabel('Account')).toHaveValue('444455556666'); // Analytics sorts first
  await expect(signIn.getByLabel('Role')).toHaveValue('DataEngineer');
  await signIn.getByLabel('Account').selectOption({ label: 'Production (111122223333)' });
  await expect(signIn.getByLabel('Role').locator('option')).toHaveText(['AdministratorAccess', 'ReadOnly']);
  await signIn.getByLabel('Role').selectOption('ReadOnly');
  await bothThemes(app, 'sso-pick');
  await signIn.getByRole('button', { name: 'Use this account and role' }).click();
  await expect(signIn).toBeHidden();

  // The form now shows the pick and the sign-in's end; the token sits where the AWS CLI reads it.
  await expect(form.locator('.sso-row-role')).toHaveText('ReadOnly');
  await expect(form.locator('.sso-row-account')).toHaveText('111122223333');
  await expect(form).toContainText('IAM Identity Center (SSO). Signed in until');
  await expect(form.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await bothThemes(app, 'sso-form-signed-in');
  const cache = ssoTokenFile(app.headless.homeDir, 'corp');
  expect(JSON.parse(await readFile(cache, 'utf8')).accessToken).toBe(recordedAccessToken);

  const bucket = await ownBucket(servers);
  try {
    await form.getByRole('button', { name: 'Save & Connect' }).click();
    await expect(row(page, `/${bucket.name}/`)).toBeVisible();
  } finally {
    await bucket.remove();
  }
  const asked = sso.requests.filter((r) => r.path === '/federation/credentials').at(-1)!;
  expect(Object.fromEntries(asked.query)).toEqual({ account_id: '111122223333', role_name: 'ReadOnly' });
});

test('IAM Identity Center: a denied sign-in says so in the dialog, Try again starts a new one, and cancel closes it (recorded AWS responses)', async ({ app }) => {
  const { page } = app;
  const sso = recorded();
  await writeAwsConfig(app, legacyProfile);
  sso.tokenAnswers.push('denied');
  await page.getByRole('button', { name: 'New connection' }).click();
  const form = page.getByRole('dialog', { name: 'New connection' });
  await form.getByRole('radio', { name: 'S3' }).check();
  await form.getByLabel('Authentication').selectOption({ label: 'AWS profile' });
  await form.getByLabel('Profile').fill('legacy');
  // The profile names its account and role.
  await expect(form.locator('.sso-row-role')).toHaveText('DataEngineer');
  await expect(form.locator('.sso-row-account')).toHaveText('444455556666');
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signIn = page.getByRole('dialog', { name: 'Sign in to IAM Identity Center (legacy)' });
  await expect(signIn).toContainText('The sign-in was denied in the browser.', { timeout: 15_000 });
  await bothThemes(app, 'sso-denied');
  // Try again: a new device authorization, approved this time.
  const starts = sso.requests.filter((r) => r.path === '/device_authorization').length;
  await signIn.getByRole('button', { name: 'Try again' }).click();
  await expect(signIn.getByLabel('Sign-in code')).toHaveText(recordedUserCode);
  expect(sso.requests.filter((r) => r.path === '/device_authorization')).toHaveLength(starts + 1);
  await expect(signIn.getByLabel('Role')).toHaveValue('DataEngineer', { timeout: 15_000 });
  await signIn.getByRole('button', { name: 'Cancel' }).click();
  await expect(signIn).toBeHidden();
  await expect(form).toBeVisible();
});

test('IAM Identity Center: connecting with an expired sign-in offers the sign-in, then connects (recorded AWS responses)', async ({ app }) => {
  const { page, servers } = app;
  const sso = recorded();
  await writeAwsConfig(app, legacyProfile);
  // A token the AWS CLI left behind, expired and without a refresh token (a legacy profile's).
  const cache = ssoTokenFile(app.headless.homeDir, 'https://legacy-example.awsapps.com/start');
  await writeFile(cache, JSON.stringify({ startUrl: 'https://legacy-example.awsapps.com/start', region: 'us-east-1', accessToken: 'old', expiresAt: '2024-01-02T03:04:05Z' }));
  sso.tokenAnswers.push('pending');

  const form = await profileForm(app, 'Legacy SSO', 'legacy');
  await expect(form).toContainText('sign-in expired at');
  const bucket = await ownBucket(servers);
  try {
    await form.getByRole('button', { name: 'Save & Connect' }).click();

    // The connect asks for the sign-in itself, and goes on once it is approved: no pickers, the profile names its role.
    const signIn = page.getByRole('dialog', { name: 'Sign in to IAM Identity Center (legacy)' });
    await expect(signIn.getByLabel('Sign-in code')).toHaveText(recordedUserCode);
    await expect(signIn).toBeHidden({ timeout: 15_000 });
    await expect(row(page, `/${bucket.name}/`)).toBeVisible();
  } finally {
    await bucket.remove();
  }
  expect(JSON.parse(await readFile(cache, 'utf8')).accessToken).toBe(recordedAccessToken);
  expect(Object.fromEntries(sso.requests.filter((r) => r.path === '/federation/credentials').at(-1)!.query)).toEqual({ account_id: '444455556666', role_name: 'DataEngineer' });
});

test('IAM Identity Center: the roles shown are those of the account picked last, however late an earlier answer comes (recorded AWS responses)', async ({ app }) => {
  const { page } = app;
  const sso = recorded();
  await writeAwsConfig(app, corpSessionProfile);
  // Signed in already (no refresh token needed for eight hours): the form offers to choose.
  const expiresAt = toCacheTime(Date.now() + 28_800_000);
  await writeFile(ssoTokenFile(app.headless.homeDir, 'corp'), JSON.stringify({ startUrl: 'https://corp-example.awsapps.com/start', region: 'us-east-1', accessToken: recordedAccessToken, expiresAt }));
  // The first account's roles answer late, after the user picked the other account.
  sso.rolesDelayMs = { '444455556666': 1_500 };
  sso.requests.length = 0;
  try {
    const form = await profileForm(app, 'Corp roles', 'corp');
    await form.getByRole('button', { name: 'Choose', exact: true }).click();
    const pick = page.getByRole('dialog', { name: 'Sign in to IAM Identity Center (corp)' });
    await expect(pick.getByLabel('Account')).toHaveValue('444455556666');
    await pick.getByLabel('Account').selectOption({ label: 'Production (111122223333)' });
    await expect(pick.getByLabel('Role').locator('option')).toHaveText(['AdministratorAccess', 'ReadOnly']);
    // Once the late answer for Analytics has come, it is dropped.
    const late = sso.requests.find((r) => r.path === '/assignment/roles' && r.query.get('account_id') === '444455556666')!;
    await page.waitForTimeout(Math.max(0, late.at + 1_500 + 500 - Date.now()));
    await expect(pick.getByLabel('Role').locator('option')).toHaveText(['AdministratorAccess', 'ReadOnly']);
    await expect(pick.getByLabel('Role')).toHaveValue('AdministratorAccess');
    expect(sso.requests.filter((r) => r.path === '/assignment/roles').map((r) => r.query.get('account_id'))).toEqual(['444455556666', '111122223333']);
  } finally {
    sso.rolesDelayMs = {};
  }
});
