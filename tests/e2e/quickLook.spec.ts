/**
 * Quick Look (issue 25) in the window against the real core and sshd (the core serves S3 and
 * SFTP alike; tests/integration/preview.test.ts covers both): Space on a file opens it,
 * arrows move along the list, Space closes; an image streamed through the app's preview route,
 * code with colours, pretty JSON, CSV as a table, a binary file refused with a sentence; the
 * file menu's "Quick Look". Light and dark, and Spanish.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { files, row } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { onePagePdf } from '../support/samplePdf.js';

const code = `// Reads the settings once and caches them.
import { readFile } from 'node:fs/promises';

export async function settings(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(path, 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

export const retries = 3;
export const greeting = "hello, world";
`;
const json = '{"name":"stowage","version":"0.1.0","features":["s3","sftp"],"preview":{"text":true,"maxBytes":262144},"license":null}';
const csv = 'name,size,class\ncat.jpg,12345,STANDARD\n"report, final.pdf",987,GLACIER\ndog.png,55,STANDARD_IA\n';

/** A folder of samples in the test sshd's home, owned by its user. */
async function folderWithSamples(servers: StowageApp['servers'], name: string): Promise<{ root: string; remove(): Promise<void> }> {
  const root = join(servers.sftp.home, `e2e-quicklook-${name}-${Date.now().toString(36)}`);
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'app.ts'), code);
  await writeFile(join(root, 'blob.bin'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), Buffer.alloc(2048, 0)]));
  await writeFile(join(root, 'data.json'), json);
  await writeFile(join(root, 'paper.pdf'), onePagePdf());
  await copyFile(fileURLToPath(new URL('../../resources/screenshot.png', import.meta.url)), join(root, 'photo.png'));
  await writeFile(join(root, 'table.csv'), csv);
  await writeFile(join(root, 'tone.wav'), toneWav());
  execFileSync('chown', ['-R', `${servers.sftp.username}:${servers.sftp.username}`, root]);
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Connects to the test sshd in the window's language (English or Spanish), trusting its key once. */
async function connectTestSftp(app: StowageApp): Promise<void> {
  const { page, servers } = app;
  await page.locator('.sidebar-header button').first().click();
  const form = page.getByRole('dialog', { name: /^(New connection|Nueva conexión)$/ });
  await form.getByRole('radio', { name: 'SFTP' }).check();
  await form.getByLabel(/^(Name|Nombre)$/).fill('Test server');
  await form.getByLabel(/^Host$/).fill(servers.sftp.host);
  await form.getByLabel(/^(Port|Puerto)$/).fill(String(servers.sftp.port));
  await form.getByLabel(/^(User|Usuario)$/).fill(servers.sftp.username);
  await form.getByLabel(/^(Authentication|Autenticación)$/).selectOption('password');
  await form.getByLabel(/^(Password|Contraseña)$/).fill(servers.sftp.password);
  await form.getByRole('button', { name: /^(Save & Connect|Guardar y conectar)$/ }).click();
  await page.getByRole('dialog', { name: /^(Unknown host|Host desconocido)$/ }).getByRole('button', { name: /^(Trust once|Confiar esta vez)$/ }).click();
}

/** One second of a 440 Hz tone as 8 kHz 8-bit mono WAV. */
function toneWav(): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate, 0);
  for (let i = 0; i < rate; i++) samples[i] = 128 + Math.round(100 * Math.sin((2 * Math.PI * 440 * i) / rate));
  const head = Buffer.alloc(44);
  head.write('RIFF', 0);
  head.writeUInt32LE(36 + samples.length, 4);
  head.write('WAVEfmt ', 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate, 28);
  head.writeUInt16LE(1, 32);
  head.writeUInt16LE(8, 34);
  head.write('data', 36);
  head.writeUInt32LE(samples.length, 40);
  return Buffer.concat([head, samples]);
}

const quickLook = (page: Page, name: string) => page.getByRole('dialog', { name });

for (const scheme of ['light', 'dark'] as const) {
  test(`Quick Look: Space previews code, binary, JSON, an image and CSV, arrows move, Space closes (${scheme})`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const { root, remove } = await folderWithSamples(app.servers, scheme);
    try {
      await connectTestSftp(app);
      await row(page, root).dblclick();
      await row(page, `${root}/app.ts`).click();
      await page.keyboard.press('Space');

      const codeLook = quickLook(page, 'app.ts');
      await expect(codeLook).toBeVisible();
      await expect(codeLook.locator('pre[data-language="typescript"]')).toContainText('export async function settings');
      await expect(codeLook.locator('.tok-keyword').filter({ hasText: 'export' }).first()).toBeVisible();
      await expect(codeLook.locator('.tok-comment').first()).toHaveText('// Reads the settings once and caches them.');
      await expect(codeLook.locator('.tok-string').filter({ hasText: '"hello, world"' })).toBeVisible();
      // The facts beside the preview.
      await expect(codeLook.locator('.quick-look-facts')).toContainText('TS source code');
      await expect(codeLook.locator('.quick-look-facts')).toContainText(`${root}/app.ts`);
      await app.screenshot(`quick-look-code-${scheme}`);

      await page.keyboard.press('ArrowRight');
      const binary = quickLook(page, 'blob.bin');
      await expect(binary.getByRole('status')).toHaveText('“blob.bin” is not a text file, so it cannot be previewed here. Download it to open it in an app that reads it.');
      // What cannot be shown is one click from the disk.
      app.headless.folderAnswers.push(app.workDir);
      await binary.getByRole('button', { name: 'Download' }).click();
      await expect.poll(() => readFile(join(app.workDir, 'blob.bin')).then((b) => b.length, () => 0)).toBe(2056);
      await binary.locator('.quick-look-stage').focus();

      await page.keyboard.press('ArrowRight');
      const jsonLook = quickLook(page, 'data.json');
      await expect(jsonLook.locator('pre[data-language="json"]')).toContainText('"features": [\n    "s3",');
      await expect(jsonLook.locator('.tok-key').filter({ hasText: '"maxBytes"' })).toBeVisible();
      await app.screenshot(`quick-look-json-${scheme}`);

      // A PDF goes to Chromium's viewer in a frame of the preview route; this browser has no
      // viewer (tests/electron/app.spec.ts checks it in Electron), so the frame's address and
      // what the route serves are checked here.
      await page.keyboard.press('ArrowRight');
      const pdfFrame = quickLook(page, 'paper.pdf').locator('iframe');
      await expect(pdfFrame).toHaveAttribute('src', /^\/preview\/[0-9a-f]{64}$/);
      const pdf = await page.evaluate(async (url) => {
        const answer = await fetch(url, { headers: { Range: 'bytes=0-4' } });
        return { type: answer.headers.get('content-type'), text: await answer.text() };
      }, (await pdfFrame.getAttribute('src'))!);
      expect(pdf).toEqual({ type: 'application/pdf', text: '%PDF-' });

      await page.keyboard.press('ArrowRight');
      const imageLook = quickLook(page, 'photo.png');
      const image = imageLook.getByRole('img', { name: 'The image previewed' });
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
      expect(await image.getAttribute('src')).toMatch(/^\/preview\/[0-9a-f]{64}$/);
      await expect(imageLook.locator('.quick-look-facts')).toContainText('PNG image');
      // The route serves byte ranges, as media elements ask for them.
      const src = (await image.getAttribute('src'))!;
      const ranged = await page.evaluate(async (url) => {
        const answer = await fetch(url, { headers: { Range: 'bytes=1-3' } });
        return { status: answer.status, range: answer.headers.get('content-range'), text: await answer.text() };
      }, src);
      expect(ranged).toEqual({ status: 206, range: expect.stringMatching(/^bytes 1-3\/\d+$/), text: 'PNG' });
      await app.screenshot(`quick-look-image-${scheme}`);

      await page.keyboard.press('ArrowRight');
      const tableLook = quickLook(page, 'table.csv');
      const table = tableLook.getByRole('table');
      await expect(table.getByRole('columnheader')).toHaveText(['name', 'size', 'class']);
      await expect(table.getByRole('row')).toHaveCount(4);
      await expect(table.getByRole('cell', { name: 'report, final.pdf' })).toBeVisible();
      await app.screenshot(`quick-look-csv-${scheme}`);

      await page.keyboard.press('ArrowRight');
      const audioLook = quickLook(page, 'tone.wav');
      const audio = audioLook.locator('audio');
      await expect(audio).toBeVisible();
      // Streamed from the route: the player read the header and knows the length.
      await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => Math.round(a.duration))).toBe(1);
      await app.screenshot(`quick-look-audio-${scheme}`);

      // The last file: the arrow stays.
      await audioLook.locator('.quick-look-stage').focus();
      await page.keyboard.press('ArrowRight');
      await expect(audioLook).toBeVisible();
      await page.keyboard.press('Space');
      await expect(audioLook).toBeHidden();
      // The list kept up with the arrows: the file last shown is selected.
      await expect(row(page, `${root}/tone.wav`)).toHaveAttribute('aria-selected', 'true');

      // The file menu's Quick Look; Escape closes it.
      await row(page, `${root}/data.json`).click({ button: 'right' });
      await page.getByRole('menuitem', { name: /Quick Look/ }).click();
      await expect(quickLook(page, 'data.json')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(quickLook(page, 'data.json')).toBeHidden();
      await expect(files(page)).toBeVisible();
      expect(violations).toEqual([]);
    } finally {
      await remove();
    }
  });
}

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });
  for (const scheme of ['light', 'dark'] as const) {
    test(`Quick Look speaks Spanish (${scheme})`, async ({ app }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      const { root, remove } = await folderWithSamples(app.servers, `es-${scheme}`);
      try {
        await connectTestSftp(app);
        await row(page, root).dblclick();
        await row(page, `${root}/table.csv`).click();
        await page.keyboard.press('Space');
        const look = quickLook(page, 'table.csv');
        await expect(look.getByRole('table').getByRole('row')).toHaveCount(4);
        await expect(look.locator('.quick-look-facts')).toContainText('Modificado');
        await expect(look.getByRole('button', { name: 'Descargar' })).toBeVisible();
        await app.screenshot(`quick-look-csv-es-${scheme}`);
        await page.keyboard.press('ArrowLeft');
        await expect(quickLook(page, 'photo.png').locator('.quick-look-facts')).toContainText('Imagen PNG');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        await expect(quickLook(page, 'blob.bin').getByRole('status')).toHaveText('“blob.bin” no es un archivo de texto, así que no se puede previsualizar aquí. Descárgalo para abrirlo con una aplicación que lo lea.');
        await app.screenshot(`quick-look-binary-es-${scheme}`);
      } finally {
        await remove();
      }
    });
  }
});
