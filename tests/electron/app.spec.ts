// The built app in real Electron (Playwright's _electron), against loopback servers: an SFTP
// server of the test's own (every OS), and the test RGW where `npm run servers:start` runs it.
// Run by `npm run test:electron` (tests/electron/run.mjs), which skips it where no Electron
// binary exists. What only a person can judge is in RELEASE-CHECKLIST.md.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { connectS3, connectSftp, files, row, waitForTransfer } from '../e2e/actions.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv, testbedEnvPath } from '../support/testbedEnv.js';
import { startLoopbackSftp, type LoopbackSftp } from './loopbackSftp.js';
import { onePagePdf } from '../support/samplePdf.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sha256 = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let sftp: LoopbackSftp;
let work: TempDir;
const uploaded = 'dropped.bin';

test.beforeAll(async () => {
  work = await makeTempDir('electron');
  sftp = await startLoopbackSftp(join(work.path, 'server'));
  await writeFile(sftp.localPath('hello.txt'), 'hello from the loopback server');
  // Its own profile: connections, queue and single-instance lock apart from the user's.
  app = await _electron.launch({ args: [root, `--user-data-dir=${join(work.path, 'profile')}`], cwd: root });
  app.process().stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close().catch(() => undefined);
  await sftp?.close();
  await work?.remove();
});

/** Drops local files on `target` as the OS does: File objects backed by the files on disk (set through a file input), so the preload's webUtils finds their paths. */
async function dropFromOs(target: Locator, paths: string[]): Promise<void> {
  const input = await page.evaluateHandle(() => {
    const i = document.createElement('input');
    i.type = 'file';
    i.multiple = true;
    i.hidden = true;
    document.body.append(i);
    return i;
  });
  await input.setInputFiles(paths);
  const dataTransfer = await page.evaluateHandle((i) => {
    const dt = new DataTransfer();
    for (const f of Array.from(i.files ?? [])) dt.items.add(f);
    i.remove();
    return dt;
  }, input);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}

test('the first window shows the renderer from the app protocol, isolated from Node', async () => {
  await expect(page.getByRole('button', { name: 'New connection' })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\//);
  const globals = await page.evaluate(() => ['stowage', 'require', 'process'].map((name) => typeof (window as unknown as Record<string, unknown>)[name]));
  expect(globals).toEqual(['object', 'undefined', 'undefined']);
  // The Node major the core runs on in the app; the release workflow tests on the same one (setup-node 24).
  expect(await app.evaluate(() => process.versions.node.split('.')[0])).toBe('24');
});

test('connects to SFTP with a password, asks about the host key, and browses home', async () => {
  await connectSftp(page, { name: 'Loopback SFTP', host: sftp.host, port: sftp.port, user: sftp.username, password: sftp.password });
  const prompt = page.getByRole('dialog', { name: 'Unknown host' });
  await expect(prompt).toContainText('SHA256:');
  await prompt.getByRole('button', { name: 'Trust once' }).click();
  await expect(row(page, `${sftp.home}/hello.txt`)).toBeVisible();
});

test('uploads a file dropped from the OS', async () => {
  const local = join(work.path, uploaded);
  await writeFile(local, randomBytes(3 * 1024 * 1024 + 7));
  await dropFromOs(files(page), [local]);
  await waitForTransfer(page, uploaded);
  await expect(row(page, `${sftp.home}/${uploaded}`)).toBeVisible();
  expect(await sha256(sftp.localPath(uploaded))).toBe(await sha256(local));
});

test('downloads into the folder the native dialog answers', async () => {
  const downloads = join(work.path, 'downloads');
  await mkdir(downloads);
  // The dialog is the OS's: main's module answers for the user.
  await app.evaluate(({ dialog }, folder) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
  }, downloads);
  await row(page, `${sftp.home}/${uploaded}`).click();
  await page.getByRole('button', { name: 'Download' }).click();
  await expect.poll(() => sha256(join(downloads, uploaded)).catch(() => 'missing'), { timeout: 30_000 }).toBe(await sha256(sftp.localPath(uploaded)));
});

test('copies a path to the OS clipboard through main', async () => {
  await app.evaluate(({ clipboard }) => clipboard.writeText('before'));
  await row(page, `${sftp.home}/hello.txt`).click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Copy path/ }).click();
  await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toBe(`${sftp.home}/hello.txt`);
});

test('starts a drag-out with the downloaded file and a non-empty icon', async () => {
  // The real OS drag is a person's to judge (RELEASE-CHECKLIST.md): startDrag is recorded here, with what Electron would get.
  await app.evaluate(({ BrowserWindow }) => {
    type Item = { file: string; files?: string[]; icon: string | { isEmpty(): boolean } };
    const proto = Object.getPrototypeOf(BrowserWindow.getAllWindows()[0]!.webContents) as { startDrag: (item: Item) => void };
    const drags: { files: string[]; iconEmpty: boolean }[] = [];
    (globalThis as { stowageDrags?: typeof drags }).stowageDrags = drags;
    proto.startDrag = (item) => {
      drags.push({ files: item.files ?? [item.file], iconEmpty: typeof item.icon === 'string' ? !item.icon : item.icon.isEmpty() });
    };
  });
  const hello = row(page, `${sftp.home}/hello.txt`);
  await hello.click();
  // Pressing on a selected small file fetches it ahead; its next drag is an OS drag at once.
  await hello.dispatchEvent('pointerdown', { button: 0, isPrimary: true });
  const recorded = () => app.evaluate(() => (globalThis as { stowageDrags?: { files: string[]; iconEmpty: boolean }[] }).stowageDrags ?? []);
  await expect
    .poll(
      async () => {
        await hello.dispatchEvent('dragstart', { dataTransfer: await page.evaluateHandle(() => new DataTransfer()) });
        return (await recorded()).length;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBeGreaterThan(0);
  const [drag] = await recorded();
  expect(drag!.iconEmpty).toBe(false);
  expect(drag!.files).toHaveLength(1);
  expect(await readFile(drag!.files[0]!, 'utf8')).toBe('hello from the loopback server');
});

test('Quick Look streams an image and a PDF through the app protocol (the PDF in Chromium\'s viewer)', async () => {
  const png = await readFile(join(root, 'resources/screenshot.png'));
  await writeFile(sftp.localPath('picture.png'), png);
  await writeFile(sftp.localPath('paper.pdf'), onePagePdf());
  await page.keyboard.press('F5');
  await row(page, `${sftp.home}/picture.png`).click();
  await page.keyboard.press('Space');
  const image = page.getByRole('dialog', { name: 'picture.png' }).getByRole('img', { name: 'The image previewed' });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
  expect(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/^app:\/\/stowage\/preview\/[0-9a-f]{64}$/);
  await page.keyboard.press('Escape');

  await row(page, `${sftp.home}/paper.pdf`).click();
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog', { name: 'paper.pdf' }).locator('iframe')).toBeVisible();
  const viewer = () => page.frames().find((f) => f.url().startsWith('app://stowage/preview/'));
  await expect.poll(() => viewer()?.evaluate(() => document.contentType).catch(() => 'not yet')).toBe('application/pdf');
  await expect.poll(() => viewer()?.evaluate(() => document.querySelectorAll('embed').length).catch(() => 0)).toBeGreaterThan(0);
  // The viewer's guest page (and every other page Electron made) is held to the window's rules.
  const unguarded = await app.evaluate(({ webContents }) =>
    webContents.getAllWebContents().filter((c) => c.listenerCount('will-navigate') === 0 || c.listenerCount('will-attach-webview') === 0).map((c) => c.getURL()),
  );
  expect(unguarded).toEqual([]);
  await page.keyboard.press('Escape');
});

// The S3 case needs the test RGW (`npm run servers:start`, as the release workflow's Linux
// job has): it is defined only where the servers' env file exists, and then it must pass.
const servers = existsSync(testbedEnvPath()) ? readTestbedEnv() : undefined;
if (servers) {
  test('copies an S3 object URL (the test RGW)', async () => {
    const s3 = testS3Client(servers);
    const bucket = uniqueBucketName('electron');
    await createBucketWith(s3, bucket, { 'report.txt': 'quarterly' });
    try {
      await connectS3(page, { name: 'Loopback RGW', endpoint: servers.s3.endpoint, accessKeyId: servers.s3.accessKeyId, secretAccessKey: servers.s3.secretAccessKey });
      await row(page, `/${bucket}/`).dblclick();
      await row(page, `/${bucket}/report.txt`).click({ button: 'right' });
      await page.getByRole('menuitem', { name: /^Copy public URL/ }).click();
      await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toMatch(new RegExp(`/${bucket}/report\\.txt$`));
    } finally {
      await removeBucket(s3, bucket);
    }
  });
}

test('quits: the window, main and the core process all exit', async () => {
  const corePids = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Utility').map((m) => m.pid));
  expect(corePids.length).toBeGreaterThan(0);
  const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
  await app.close();
  expect(await exited).toBe(0);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await expect.poll(() => corePids.filter(alive), { timeout: 10_000 }).toEqual([]);
});
