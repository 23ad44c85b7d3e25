import { execFileSync } from 'node:child_process';
import { mkdir, readlink, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { connectLocalS3, connectSftp, files, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test('S3: dialogs give the keyboard back, rename happens in the row, Duplicate, shortcuts work from anywhere', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('keys');
  const p = (key: string) => `/${bucket}/${key}`;
  await createBucketWith(s3, bucket, { 'notes.md': '# notes', 'other.txt': 'other', 'docs/a.txt': 'A' });
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, p('notes.md')).click();
    await expect(files(page)).toBeFocused();

    // New folder by keyboard: once it closes, the list has the keyboard again.
    await page.keyboard.press('Control+Shift+N');
    await expect(page.getByRole('dialog', { name: 'New folder' })).toBeVisible();
    await page.keyboard.type('fresh');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'New folder' })).toHaveCount(0);
    await expect(row(page, p('fresh/'))).toBeVisible();
    await expect(files(page)).toBeFocused();

    // Escape, and a cancelled delete: the keys go on working in the list.
    await page.keyboard.press('Control+Shift+N');
    await page.keyboard.press('Escape');
    await expect(files(page)).toBeFocused();
    await row(page, p('notes.md')).click();
    await page.keyboard.press('Delete');
    await expect(page.getByRole('alertdialog', { name: 'Delete?' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(files(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(row(page, p('other.txt'))).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu', { name: 'File actions' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(files(page)).toBeFocused();

    // A dialog opened from a toolbar button gives the keyboard back to that button.
    const newFolderButton = page.getByRole('toolbar', { name: 'Browser' }).getByRole('button', { name: 'New folder' });
    await newFolderButton.click();
    await page.keyboard.press('Escape');
    await expect(newFolderButton).toBeFocused();

    // F2 renames in the row, the name selected up to its extension: typing replaces only that.
    await row(page, p('notes.md')).click();
    await page.keyboard.press('F2');
    const field = page.getByRole('textbox', { name: 'New name for notes.md' });
    await expect(field).toBeFocused();
    expect(await field.evaluate((el: HTMLInputElement) => [el.value, el.selectionStart, el.selectionEnd])).toEqual(['notes.md', 0, 5]);
    await app.screenshot('rename-in-row');
    await page.keyboard.type('readme');
    await page.keyboard.press('Enter');
    await expect(row(page, p('readme.md'))).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, p('notes.md'))).toHaveCount(0);
    await expect(files(page)).toBeFocused();
    expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'readme.md' }))).Body!.transformToString()).toBe('# notes');

    // Escape keeps the old name.
    await page.keyboard.press('F2');
    await page.keyboard.type('zzz');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('textbox', { name: /^New name for/ })).toHaveCount(0);
    await expect(row(page, p('readme.md'))).toBeVisible();
    await expect(files(page)).toBeFocused();

    // A name that cannot be used is refused beside the field; the file keeps its name.
    await page.keyboard.press('F2');
    await page.keyboard.type('a/b');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'A name cannot contain “/”.' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'New name for readme.md' })).toBeFocused();
    // So is one the server refuses (taken).
    await page.keyboard.press('Control+A');
    await page.keyboard.type('other.txt');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
    await app.screenshot('rename-in-row-error');
    await page.keyboard.press('Escape');
    await expect(row(page, p('readme.md'))).toBeVisible();
    expect(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'other.txt' }))).Body!.transformToString()).toBe('other');

    // Leaving the field renames too.
    await page.keyboard.press('F2');
    await page.keyboard.type('left');
    await page.getByRole('searchbox', { name: 'Filter' }).click();
    await expect(row(page, p('left.md'))).toBeVisible();

    // Duplicate from the menu: "name copy.ext", selected; Ctrl+D duplicates what is selected.
    await row(page, p('other.txt')).click({ button: 'right' });
    await page.getByRole('menu', { name: 'File actions' }).getByRole('menuitem', { name: /^Duplicate/ }).click();
    await expect(row(page, p('other copy.txt'))).toHaveAttribute('aria-selected', 'true');
    await expect(files(page)).toBeFocused();
    await page.keyboard.press('Control+D');
    await expect(row(page, p('other copy copy.txt'))).toHaveAttribute('aria-selected', 'true');
    await row(page, p('other.txt')).click();
    await page.keyboard.press('Control+D');
    await expect(row(page, p('other copy 2.txt'))).toHaveAttribute('aria-selected', 'true');
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'other copy 2.txt' }))).ContentLength).toBe(5);

    // Move… is its own command, with its own shortcut.
    await page.keyboard.press('Control+Shift+M');
    await expect(page.getByRole('dialog', { name: 'Move “other copy 2.txt”' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(files(page)).toBeFocused();

    // Shortcuts work from anywhere in the window: after clicking a breadcrumb...
    await row(page, p('docs/')).dblclick();
    await expect(row(page, p('docs/a.txt'))).toBeVisible();
    await page.getByRole('navigation', { name: 'Path' }).getByRole('button', { name: bucket }).click();
    await expect(row(page, p('docs/'))).toBeVisible();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(row(page, p('docs/a.txt'))).toBeVisible();
    await page.getByRole('navigation', { name: 'Path' }).getByRole('button', { name: bucket }).focus();
    await page.keyboard.press('Backspace');
    await expect(row(page, p('docs/'))).toBeVisible();
    await expect(row(page, p('docs/a.txt'))).toHaveCount(0);
    // ...and after clicking a connection.
    await page.locator('.conn-item').first().click();
    await page.keyboard.press('Control+L');
    await expect(page.getByRole('textbox', { name: 'Path' })).toBeFocused();
    await page.keyboard.press('Escape');
    // Typing in a field is typing: Backspace there edits the text and does not go up.
    await page.getByRole('searchbox', { name: 'Filter' }).fill('do');
    await page.keyboard.press('Backspace');
    await expect(page.getByRole('searchbox', { name: 'Filter' })).toHaveValue('d');
    await expect(row(page, p('docs/'))).toBeVisible();
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('SFTP: Duplicate a folder, and New symbolic link… (name and target) from the menu', async ({ app }) => {
  const { page, servers } = app;
  const root = join(servers.sftp.home, `links-${Date.now().toString(36)}`);
  await mkdir(join(root, 'site', 'css'), { recursive: true });
  await writeFile(join(root, 'site', 'index.html'), '<h1>hi</h1>');
  await writeFile(join(root, 'report.txt'), 'quarterly');
  execFileSync('chown', ['-R', `${servers.sftp.username}:${servers.sftp.username}`, root]);
  try {
    await connectSftp(page, { name: 'Test server', host: servers.sftp.host, port: servers.sftp.port, user: servers.sftp.username, password: servers.sftp.password });
    await page.getByRole('dialog', { name: 'Unknown host' }).getByRole('button', { name: 'Trust once' }).click();
    await expect(files(page)).toBeFocused();
    await page.keyboard.press('Control+L');
    await page.keyboard.type(root);
    await page.keyboard.press('Enter');
    await expect(row(page, `${root}/site`)).toBeVisible();

    await row(page, `${root}/site`).click({ button: 'right' });
    await page.getByRole('menu', { name: 'File actions' }).getByRole('menuitem', { name: /^Duplicate/ }).click();
    await expect(row(page, `${root}/site copy`)).toHaveAttribute('aria-selected', 'true');
    expect(await readFile(join(root, 'site copy', 'index.html'), 'utf8')).toBe('<h1>hi</h1>');

    // From the empty area: a name and a target typed in.
    await files(page).click({ button: 'right', position: { x: 300, y: (await files(page).boundingBox())!.height - 20 } });
    await page.getByRole('menu', { name: 'File actions' }).getByRole('menuitem', { name: 'New symbolic link…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New symbolic link' });
    await dialog.getByLabel('Link name').fill('www');
    await dialog.getByLabel('Points to').fill('site');
    await app.screenshot('sftp-new-symlink');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await expect(dialog).toHaveCount(0);
    const www = row(page, `${root}/www`);
    await expect(www).toHaveAttribute('aria-selected', 'true');
    await expect(www.locator('.name-text')).toHaveText('www');
    await expect(www.locator('.link-target')).toHaveText('→ site');
    expect(await readlink(join(root, 'www'))).toBe('site');
    await expect(files(page)).toBeFocused();

    // From a selected file: its name and path are offered; a taken name is refused in words.
    await row(page, `${root}/report.txt`).click({ button: 'right' });
    await page.getByRole('menu', { name: 'File actions' }).getByRole('menuitem', { name: 'New symbolic link…' }).click();
    await expect(dialog.getByLabel('Link name')).toHaveValue('report.txt link');
    await expect(dialog.getByLabel('Points to')).toHaveValue(`${root}/report.txt`);
    await dialog.getByLabel('Link name').fill('site');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`“site” already exists in ${root}.`);
    await dialog.getByLabel('Link name').fill('latest');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await expect(row(page, `${root}/latest`).locator('.link-target')).toHaveText(`→ ${root}/report.txt`);
    expect(await readlink(join(root, 'latest'))).toBe(`${root}/report.txt`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
