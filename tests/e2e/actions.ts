import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, type StowageApp } from './fixtures.js';

export interface S3FormValues {
  name: string;
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
}

export async function connectS3(page: Page, v: S3FormValues): Promise<void> {
  await page.getByRole('button', { name: 'New connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await dialog.getByRole('radio', { name: 'S3' }).check();
  await dialog.getByLabel('Name', { exact: true }).fill(v.name);
  await dialog.getByLabel('Endpoint', { exact: true }).selectOption({ label: 'Custom endpoint' });
  await dialog.getByLabel('Endpoint URL').fill(v.endpoint);
  await dialog.getByLabel('Region').fill(v.region ?? 'us-east-1');
  await dialog.getByLabel('Path-style addressing').check();
  await dialog.getByLabel('Access key ID').fill(v.accessKeyId);
  await dialog.getByLabel('Secret access key').fill(v.secretAccessKey);
  await dialog.getByRole('button', { name: 'Save & Connect' }).click();
}

/** Connects to the test RGW with the right keys through the connection form. */
export function connectLocalS3(app: StowageApp, name = 'Local Ceph'): Promise<void> {
  const { s3 } = app.servers;
  return connectS3(app.page, { name, endpoint: s3.endpoint, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
}

/** Connects to the test RGW through the connection form of a window that speaks Spanish. */
export async function connectLocalS3Spanish(app: StowageApp): Promise<void> {
  const { page, servers } = app;
  await page.locator('.sidebar-header button').click();
  const form = page.getByRole('dialog', { name: /^(New connection|Nueva conexión)$/ });
  await form.getByRole('radio', { name: 'S3' }).check();
  await form.getByLabel(/^(Name|Nombre)$/).fill('Local Ceph');
  await form.getByLabel(/^(Endpoint|Punto de enlace)$/).selectOption({ label: (await form.getByRole('option', { name: /Custom endpoint|personalizado/ }).textContent()) ?? '' });
  await form.getByLabel(/^(Endpoint URL|URL del punto de enlace)$/).fill(servers.s3.endpoint);
  await form.getByLabel(/^(Region|Región)$/).fill('us-east-1');
  await form.getByLabel(/^(Path-style addressing|Direccionamiento de estilo ruta)$/).check();
  await form.getByLabel(/^(Access key ID|ID de clave de acceso)$/).fill(servers.s3.accessKeyId);
  await form.getByLabel(/^(Secret access key|Clave de acceso secreta)$/).fill(servers.s3.secretAccessKey);
  await form.getByRole('button', { name: /^(Save & Connect|Guardar y conectar)$/ }).click();
}

export interface SftpFormValues {
  name: string;
  host: string;
  port: number;
  user: string;
  password: string;
}

export async function connectSftp(page: Page, v: SftpFormValues): Promise<void> {
  await page.getByRole('button', { name: 'New connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await dialog.getByRole('radio', { name: 'SFTP' }).check();
  await dialog.getByLabel('Name', { exact: true }).fill(v.name);
  await dialog.getByLabel('Host').fill(v.host);
  await dialog.getByLabel('Port').fill(String(v.port));
  await dialog.getByLabel('User').fill(v.user);
  await dialog.getByLabel('Authentication').selectOption({ label: 'Password' });
  await dialog.getByLabel('Password').fill(v.password);
  await dialog.getByRole('button', { name: 'Save & Connect' }).click();
}

/** Saves and connects an SFTP connection that logs in with a private key file (passphrase left empty). */
export async function connectSftpWithKey(page: Page, v: Omit<SftpFormValues, 'password'> & { keyPath: string }): Promise<void> {
  await page.getByRole('button', { name: 'New connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await dialog.getByRole('radio', { name: 'SFTP' }).check();
  await dialog.getByLabel('Name', { exact: true }).fill(v.name);
  await dialog.getByLabel('Host').fill(v.host);
  await dialog.getByLabel('Port').fill(String(v.port));
  await dialog.getByLabel('User').fill(v.user);
  await dialog.getByLabel('Authentication').selectOption({ label: 'Private key file' });
  await dialog.getByLabel('Private key file').fill(v.keyPath);
  await dialog.getByRole('button', { name: 'Save & Connect' }).click();
}

/** The file list, by its name in English, Spanish or the pseudo-locale. */
export const files = (page: Page) => page.getByRole('grid', { name: /^(Files|Archivos|⟦.*⟧)$/ });
export const row = (page: Page, path: string) => files(page).locator(`[role="row"][data-path="${path}"]`);

/**
 * Drags files and folders "from the OS" over `target` (enter, over) and returns the drop:
 * a DataTransfer carrying File objects, as a real drop does. Main resolves each to its path.
 */
export async function dragOver(app: StowageApp, target: Locator, localPaths: string[]): Promise<() => Promise<void>> {
  const specs = [];
  for (const path of localPaths) {
    await app.bridge.registerDroppedFile(path);
    specs.push({ name: basename(path), size: (await stat(path)).size });
  }
  const dataTransfer = await app.page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    // Placeholder bytes of the same size: main reads the real file by its path.
    for (const f of list) dt.items.add(new File([new Uint8Array(f.size)], f.name));
    return dt;
  }, specs);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  return () => target.dispatchEvent('drop', { dataTransfer });
}

/** Drops files and folders on the file list. */
export async function dropFiles(app: StowageApp, localPaths: string[]): Promise<void> {
  const drop = await dragOver(app, files(app.page), localPaths);
  await drop();
}

export async function waitForTransfer(page: Page, name: string, state = 'completed'): Promise<void> {
  const item = page.getByRole('region', { name: 'Transfers' }).getByTestId('transfer').filter({ hasText: name });
  await expect(item.first()).toHaveAttribute('data-state', state, { timeout: 60_000 });
}

export async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}
