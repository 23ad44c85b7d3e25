import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ConnectionSummary } from '../../shared/connections.js';
import { connectS3, connectSftp, row } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

/** What the core saved, read where the renderer cannot: its list and the sealed blobs on disk. */
async function savedState(app: StowageApp, name: string): Promise<{ summary: ConnectionSummary; sealed: string | undefined }> {
  const listed = await app.headless.core.dispatch('connections:list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const summary = (listed.value as ConnectionSummary[]).find((c) => c.name === name)!;
  const file = JSON.parse(await readFile(join(app.headless.dataDir, 'connections.json'), 'utf8')) as { sealedSecrets: Record<string, string> };
  return { summary, sealed: file.sealedSecrets[summary.id] };
}

const refusedPrompt = (page: Page, name: string) => page.getByRole('dialog', { name: `Connect to ${name}` });

test('S3: a wrong secret is asked again in place and saved only once it works; Cancel keeps what was saved', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-refused');
  await createBucketWith(s3, bucket, { 'a.txt': 'a' });
  try {
    // A new connection with a wrong secret: refused, asked again, cancelled. No secret is saved.
    await connectS3(page, { name: 'Refused S3', endpoint: servers.s3.endpoint, accessKeyId: servers.s3.accessKeyId, secretAccessKey: 'NOT-THE-SECRET' });
    const prompt = refusedPrompt(page, 'Refused S3');
    await expect(prompt.getByRole('alert')).toContainText('The server refused the credentials. The access key or secret key is wrong.');
    await expect(prompt.getByLabel('Save', { exact: true })).toBeChecked();
    await app.screenshot('connection-refused-secret');
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    const form = page.getByRole('dialog', { name: 'New connection' });
    await expect(form.getByRole('alert')).toContainText('The access key or secret key is wrong');
    await form.getByRole('button', { name: 'Cancel' }).click();
    let saved = await savedState(app, 'Refused S3');
    expect(saved.sealed).toBeUndefined();
    expect(saved.summary).toMatchObject({ hasSavedSecret: false, needsSecretAtConnect: true });

    // Connecting from the sidebar asks for it; a wrong one is refused, a right one (Save checked) connects and is saved.
    await page.locator('.conn-item', { hasText: 'Refused S3' }).dblclick();
    const ask = refusedPrompt(page, 'Refused S3');
    await expect(ask).toContainText('No secret access key is saved for this connection yet.');
    await expect(ask.getByLabel('Save', { exact: true })).toBeChecked();
    await ask.getByLabel('Secret access key').fill('STILL-WRONG');
    await ask.getByRole('button', { name: 'Connect' }).click();
    await expect(ask.getByRole('alert')).toContainText('The server refused the credentials.');
    expect((await savedState(app, 'Refused S3')).sealed).toBeUndefined();
    await ask.getByLabel('Secret access key').fill(servers.s3.secretAccessKey);
    await ask.getByRole('button', { name: 'Connect' }).click();
    await expect(row(page, `/${bucket}/`)).toBeVisible();
    saved = await savedState(app, 'Refused S3');
    expect(saved.sealed).toBeTruthy();
    expect(saved.summary).toMatchObject({ hasSavedSecret: true, rememberSecret: true });
    // The saved secret is the right one: the core connects with nothing typed.
    expect(await app.headless.core.dispatch('connections:connect', { id: saved.summary.id })).toMatchObject({ ok: true, value: { state: 'connected' } });

    // Editing it with a wrong secret and Save & Connect: refused, Cancel, Cancel: the saved blob is untouched.
    const before = saved.sealed;
    await page.locator('.conn-item', { hasText: 'Refused S3' }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Edit…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit connection' });
    await edit.getByLabel('Secret access key').fill('WRONG-AGAIN');
    await edit.getByRole('button', { name: 'Save & Connect' }).click();
    await refusedPrompt(page, 'Refused S3').getByRole('button', { name: 'Cancel' }).click();
    await edit.getByRole('button', { name: 'Cancel' }).click();
    saved = await savedState(app, 'Refused S3');
    expect(saved.sealed).toBe(before);
    expect(app.bridge.sentFrames.join('\n')).not.toContain(servers.s3.secretAccessKey);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('SFTP: a wrong password is asked again after the host key; with "Save" unchecked the right one connects and none is saved', async ({ app }) => {
  const { page, servers } = app;
  await connectSftp(page, { name: 'Refused SFTP', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: 'wrong-password' });
  // Saved, so the second login (with the password typed again) is not asked about the key again.
  await page.getByRole('dialog', { name: 'Unknown host' }).getByRole('button', { name: 'Trust and save' }).click();
  const prompt = refusedPrompt(page, 'Refused SFTP');
  await expect(prompt.getByRole('alert')).toContainText('The server refused the credentials.');
  expect((await savedState(app, 'Refused SFTP')).sealed).toBeUndefined();

  // "Save" unchecked: it connects for this session only and no password is saved.
  await prompt.getByLabel('Password').fill(servers.sftp.password);
  await prompt.getByLabel('Save', { exact: true }).uncheck();
  await app.screenshot('connection-refused-password');
  await prompt.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('grid', { name: 'Files' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'New connection' })).toBeHidden();
  const saved = await savedState(app, 'Refused SFTP');
  expect(saved.sealed).toBeUndefined();
  expect(saved.summary).toMatchObject({ hasSavedSecret: false, rememberSecret: false });
  expect(app.bridge.sentFrames.join('\n')).not.toContain(servers.sftp.password);
});
