import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { connectLocalS3, connectSftp, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test('S3: "Edit in local editor" opens a temp copy, uploads each save, and will not overwrite a change made on the server', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-edit');
  await createBucketWith(s3, bucket, { 'notes.txt': 'first\n' });
  const remoteText = async () => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes.txt' }))).Body!.transformToString();
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/notes.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Edit in local editor' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Editing notes.txt' })).toBeVisible();
    // The host was asked to open the temp copy in the user's default app (main calls shell.openPath).
    await expect.poll(() => app.headless.openedLocally.length).toBe(1);
    const local = app.headless.openedLocally[0]!;
    expect(await readFile(local, 'utf8')).toBe('first\n');

    await writeFile(local, 'second\n');
    await expect(page.getByRole('status').filter({ hasText: 'Uploaded your changes to notes.txt.' })).toBeVisible();
    expect(await remoteText()).toBe('second\n');

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes.txt', Body: 'a colleague wrote this\n' }));
    await writeFile(local, 'mine\n');
    const refused = page.getByRole('alert').filter({ hasText: 'Not uploaded: notes.txt' });
    await expect(refused).toContainText('notes.txt was changed on the server after you opened it, so your save was not uploaded.');
    await app.screenshot('edit-in-local-editor-conflict');
    expect(await remoteText()).toBe('a colleague wrote this\n');
    expect(await readFile(local, 'utf8')).toBe('mine\n');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('SFTP: the same "Edit in local editor" entry uploads a save', async ({ app }) => {
  const { page, servers } = app;
  const name = `e2e-edit-${Date.now().toString(36)}.txt`;
  const remote = `${servers.sftp.home}/${name}`;
  await writeFile(remote, 'one\n');
  try {
    await connectSftp(page, { name: 'Edit SFTP', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: servers.sftp.password });
    await page.getByRole('dialog', { name: 'Unknown host' }).getByRole('button', { name: 'Trust once' }).click();
    await row(page, remote).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Edit in local editor' }).click();
    await expect.poll(() => app.headless.openedLocally.length).toBe(1);
    const local = app.headless.openedLocally[0]!;
    expect(await readFile(local, 'utf8')).toBe('one\n');
    await writeFile(local, 'two\n');
    await expect(page.getByRole('status').filter({ hasText: `Uploaded your changes to ${name}.` })).toBeVisible();
    expect(await readFile(remote, 'utf8')).toBe('two\n');
    expect(join(local, '..')).not.toBe(app.workDir);
  } finally {
    await rm(remote, { force: true });
  }
});
