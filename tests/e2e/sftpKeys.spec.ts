import { execFileSync } from 'node:child_process';
import { mkdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connectSftpWithKey, files, row } from './actions.js';
import { expect, test } from './fixtures.js';

for (const scheme of ['light', 'dark'] as const) {
  test(`SFTP (${scheme}): an encrypted key asks for its passphrase, the host key is asked about, browse, follow a link, chmod, properties`, async ({
    app,
  }) => {
    const { page, servers } = app;
    const sftp = servers.sftp;
    await page.emulateMedia({ colorScheme: scheme });
    const folder = join(sftp.home, `e2e-keys-${scheme}-${Date.now().toString(36)}`);
    await mkdir(join(folder, 'docs'), { recursive: true });
    await writeFile(join(folder, 'notes.txt'), 'remote notes\n');
    await writeFile(join(folder, 'docs', 'inside.md'), '# inside\n');
    await symlink(join(folder, 'docs'), join(folder, 'docs-link'));
    await symlink('gone.txt', join(folder, 'dangling'));
    execFileSync('chown', ['-R', `${sftp.username}:${sftp.username}`, folder]);
    execFileSync('chmod', ['644', join(folder, 'notes.txt')]);
    try {
      await connectSftpWithKey(page, {
        name: `Key ${scheme}`,
        host: sftp.host,
        port: sftp.port,
        user: sftp.username,
        keyPath: sftp.keys.encrypted,
      });
      const ask = page.getByRole('dialog', { name: `Connect to Key ${scheme}` });
      await ask.getByLabel('Passphrase').fill(sftp.passphrase);
      await ask.getByRole('button', { name: 'Connect' }).click();

      const prompt = page.getByRole('dialog', { name: 'Unknown host' });
      await expect(prompt).toContainText('ssh-ed25519');
      await expect(prompt).toContainText(execFileSync('ssh-keygen', ['-lf', sftp.hostKeyPub], { encoding: 'utf8' }).split(' ')[1]!);
      await app.screenshot(`sftp-host-key-prompt-${scheme}`);
      await prompt.getByRole('button', { name: 'Trust and save' }).click();

      const grid = files(page);
      await expect(grid).toBeVisible();
      await expect(grid.getByRole('columnheader', { name: 'Permissions' })).toBeVisible();
      await row(page, folder).dblclick();
      await expect(row(page, `${folder}/notes.txt`)).toBeVisible();
      await expect(row(page, `${folder}/notes.txt`)).toContainText('-rw-r--r--');
      await expect(row(page, `${folder}/notes.txt`)).toContainText(`${sftp.username}:${sftp.username}`);
      await expect(row(page, `${folder}/docs-link`)).toContainText(`→ ${join(folder, 'docs')}`);
      await expect(row(page, `${folder}/dangling`)).toContainText('→ gone.txt (broken link)');
      await row(page, `${folder}/notes.txt`).click();
      await app.screenshot(`sftp-browser-${scheme}`);

      // A link to a folder opens like the folder.
      await row(page, `${folder}/docs-link`).dblclick();
      await expect(row(page, `${folder}/docs-link/inside.md`)).toBeVisible();
      await page.getByRole('button', { name: 'Back' }).click();
      await expect(row(page, `${folder}/notes.txt`)).toBeVisible();

      await row(page, `${folder}/notes.txt`).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Permissions…' }).click();
      const chmod = page.getByRole('dialog', { name: 'Permissions' });
      await expect(chmod.getByLabel('Octal')).toHaveValue('644');
      await chmod.getByRole('checkbox', { name: 'Group read' }).uncheck();
      await chmod.getByRole('checkbox', { name: 'Others read' }).uncheck();
      await expect(chmod.getByLabel('Octal')).toHaveValue('600');
      await chmod.getByLabel('Octal').fill('640');
      await expect(chmod.getByRole('checkbox', { name: 'Group read' })).toBeChecked();
      await app.screenshot(`sftp-chmod-${scheme}`);
      await chmod.getByRole('button', { name: 'Apply' }).click();
      await expect(chmod).toBeHidden();
      await expect(row(page, `${folder}/notes.txt`)).toContainText('-rw-r-----');
      expect((await stat(join(folder, 'notes.txt'))).mode & 0o777).toBe(0o640);

      await row(page, `${folder}/notes.txt`).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Properties…' }).click();
      const props = page.getByRole('dialog', { name: 'Properties of notes.txt' });
      await expect(props).toContainText('-rw-r----- (0640)');
      await expect(props).toContainText('13 B (13 bytes)');
      await expect(props).toContainText(sftp.username);
      await props.getByRole('button', { name: 'Close' }).click();
      await row(page, `${folder}/dangling`).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Properties…' }).click();
      await expect(page.getByRole('dialog', { name: 'Properties of dangling' })).toContainText('gone.txt (broken link)');
      await page.getByRole('dialog', { name: 'Properties of dangling' }).getByRole('button', { name: 'Close' }).click();

      await row(page, `${folder}/notes.txt`).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'New empty file…' }).click();
      const create = page.getByRole('dialog', { name: 'New empty file' });
      await create.getByLabel('File name').fill('-todo ✓.txt');
      await create.getByRole('button', { name: 'Create' }).click();
      await expect(row(page, `${folder}/-todo ✓.txt`)).toContainText('0 B');
      expect((await stat(join(folder, '-todo ✓.txt'))).size).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
}
