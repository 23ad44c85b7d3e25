import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

// The host has only Linux's basic_text backend: a fixed key, so Stowage saves no secret.
test.use({ weakSecretBox: true });

test('S3 without an OS keychain: "Remember secret" is off and says why, and the secret is asked for when connecting', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-weak');
  await createBucketWith(s3, bucket, { 'hello.txt': 'hello' });
  try {
    await page.getByRole('button', { name: 'New connection' }).click();
    const form = page.getByRole('dialog', { name: 'New connection' });
    await form.getByRole('radio', { name: 'S3' }).check();
    await form.getByLabel('Name', { exact: true }).fill('No keychain');
    await form.getByLabel('Endpoint', { exact: true }).selectOption({ label: 'Custom endpoint' });
    await form.getByLabel('Endpoint URL').fill(servers.s3.endpoint);
    await form.getByLabel('Region').fill('us-east-1');
    await form.getByLabel('Path-style addressing').check();
    await form.getByLabel('Access key ID').fill(servers.s3.accessKeyId);

    const remember = form.getByLabel('Remember secret');
    await expect(remember).toBeDisabled();
    await expect(remember).not.toBeChecked();
    await expect(remember).toHaveAccessibleDescription(
      /^Stowage does not save secrets on this computer: no OS keychain is available \(basic_text\), and without one a saved secret could be read by anyone who can read your files\. You are asked for it each time you connect instead\./,
    );
    await app.screenshot('connection-form-no-keychain');

    // The secret is left blank: Save & Connect asks for it, for this session only.
    await form.getByRole('button', { name: 'Save & Connect' }).click();
    const ask = page.getByRole('dialog', { name: 'Connect to No keychain' });
    await ask.getByLabel('Secret access key').fill(servers.s3.secretAccessKey);
    await ask.getByRole('button', { name: 'Connect' }).click();
    await expect(row(page, `/${bucket}/`)).toBeVisible();

    const dataDir = app.headless.dataDir;
    const saved = JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8')) as { sealedSecrets: object; connections: object[] };
    expect(saved.sealedSecrets).toEqual({});
    expect(saved.connections).toMatchObject([{ name: 'No keychain', rememberSecret: false }]);
    for (const name of await readdir(dataDir, { recursive: true })) {
      const text = await readFile(join(dataDir, name), 'utf8').catch(() => '');
      expect(text).not.toContain(servers.s3.secretAccessKey);
    }
  } finally {
    await removeBucket(s3, bucket);
  }
});
