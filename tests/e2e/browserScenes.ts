/**
 * The file browser's main scenes for the language checks (pseudo-locale and Spanish), reached
 * without the connection form's words (another area's): connections are saved and the SFTP
 * host key trusted through the core, then opened from the sidebar with the keyboard.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { files, row } from './actions.js';
import { expect, type StowageApp } from './fixtures.js';

/** A bucket with a folder and two files, and a saved connection to it; `cleanup` removes the bucket. */
export async function s3Scene(app: StowageApp): Promise<{ bucket: string; connectionId: string; cleanup(): Promise<void> }> {
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-lang');
  await createBucketWith(s3, bucket, { 'informes/enero.csv': 'a,b\n1,2\n', 'notas.txt': 'hola', 'presupuesto-2026.xlsx': Buffer.alloc(1_234_567) });
  const { id } = await coreClient(app.headless.core)('connections:save', { draft: rgwDraft(app.servers, 'Ceph local') });
  return { bucket, connectionId: id, cleanup: () => removeBucket(s3, bucket) };
}

/** A folder in the SFTP home with files, a subfolder and three links (to a file, to a folder, broken), and a saved key connection whose host key is trusted. */
export async function sftpScene(app: StowageApp): Promise<{ folder: string; connectionId: string; cleanup(): Promise<void> }> {
  const { sftp } = app.servers;
  const folder = join(sftp.home, `e2e-lang-${Date.now().toString(36)}`);
  await mkdir(join(folder, 'fotos'), { recursive: true });
  await writeFile(join(folder, 'léeme.txt'), 'hola\n');
  await writeFile(join(folder, 'copia de seguridad.tar'), Buffer.alloc(48_000));
  await symlink('léeme.txt', join(folder, 'enlace-a-léeme'));
  await symlink('fotos', join(folder, 'enlace-a-fotos'));
  await symlink('no-existe', join(folder, 'enlace-roto'));
  const call = coreClient(app.headless.core);
  const { id } = await call('connections:save', {
    draft: { protocol: 'sftp', name: 'Servidor de pruebas', host: sftp.host, port: sftp.port, username: sftp.username, rememberSecret: false, auth: { kind: 'key', keyPath: sftp.keys.ed25519 } },
  });
  const outcome = await call('connections:connect', { id });
  if (outcome.state === 'hostKeyPrompt') await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustAndSave' });
  await call('connections:disconnect', { id });
  return { folder, connectionId: id, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

/** Opens a saved connection from the sidebar (Enter), and waits for its file list. */
export async function openSaved(app: StowageApp, connectionId: string): Promise<void> {
  const item = app.page.locator(`.conn-item[data-connection-id="${connectionId}"]`);
  await item.click();
  await item.press('Enter');
  await expect(files(app.page)).toBeVisible();
}

/** Types a path into the path bar (Ctrl+L) and waits for `firstRow` to be listed. */
export async function goTo(app: StowageApp, path: string, firstRow: string): Promise<void> {
  await app.page.locator('.pane.browser [role="grid"]').focus();
  await app.page.keyboard.press('Control+l');
  await app.page.locator('.pathbar-edit input').fill(path);
  await app.page.keyboard.press('Enter');
  await expect(row(app.page, firstRow)).toBeVisible();
}

/** A screenshot in light and in dark, `<name>-light` and `<name>-dark` (plus `suffix`), once transitions end (a spinner's endless turn is not waited for). */
export async function bothThemes(app: StowageApp, name: string, suffix = ''): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.evaluate(() =>
      Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)),
    );
    await app.screenshot(`${name}-${scheme}${suffix}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}
