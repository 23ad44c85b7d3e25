import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connectSftp, dropFiles, row, sha256, waitForTransfer } from './actions.js';
import { expect, test } from './fixtures.js';

test('SFTP: connect with a password, trust the host key, list home, upload and download, bytes intact', async ({ app }) => {
  const { page, servers } = app;
  const name = `e2e-${Date.now().toString(36)}.bin`;
  const remote = `${servers.sftp.home}/${name}`;
  try {
    await connectSftp(page, {
      name: 'Test server',
      host: servers.sftp.host,
      port: servers.sftp.port,
      user: servers.sftp.username,
      password: servers.sftp.password,
    });
    const prompt = page.getByRole('dialog', { name: 'Unknown host' });
    await expect(prompt).toContainText('SHA256:');
    await app.screenshot('sftp-host-key');
    await prompt.getByRole('button', { name: 'Trust once' }).click();
    await expect(page.getByRole('grid', { name: 'Files' })).toBeVisible();

    const local = join(app.workDir, name);
    await writeFile(local, randomBytes(2 * 1024 * 1024 + 5));
    await dropFiles(app, [local]);
    await waitForTransfer(page, name);
    await expect(row(page, remote)).toBeVisible();
    await app.screenshot('sftp-browser');

    const downloads = join(app.workDir, 'downloads');
    await mkdir(downloads);
    app.headless.folderAnswers.push(downloads);
    await row(page, remote).click();
    await page.getByRole('button', { name: 'Download' }).click();
    await expect
      .poll(async () => sha256(join(downloads, name)).catch(() => 'missing'), { timeout: 30_000 })
      .toBe(await sha256(local));
    expect(app.bridge.sentFrames.join('\n')).not.toContain(servers.sftp.password);
  } finally {
    await rm(remote, { force: true });
  }
});

test('SFTP: a wrong password says so in words', async ({ app }) => {
  const { page, servers } = app;
  await connectSftp(page, {
    name: 'Wrong password',
    host: servers.sftp.host,
    port: servers.sftp.port,
    user: servers.sftp.username,
    password: 'definitely-wrong',
  });
  const prompt = page.getByRole('dialog', { name: 'Unknown host' });
  await prompt.getByRole('button', { name: 'Trust once' }).click();
  await expect(page.getByRole('alert')).toContainText(/password is wrong/i);
});
