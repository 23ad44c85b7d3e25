import { randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { connectLocalS3 } from './actions.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { coreClient } from '../support/coreClient.js';
import { createBucketWith, removeBucket, rgwDraft, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const MiB = 1024 * 1024;
const panel = (app: StowageApp) => app.page.locator('[data-testid="transfer"]');

/**
 * Copies between two S3 accounts, started through the core as the split view starts them:
 * the transfer panel shows each copy as one row (a copy badge, source → target in its
 * tooltip, the target folder beside its name) and a copied folder as one folder row.
 */
test.describe('copy rows in the transfer panel', () => {
  for (const locale of ['en-US', 'es-ES'] as const) {
    test.describe(locale, () => {
      test.use({ locale });
      test(`a file and a folder copied between accounts (${locale})`, async ({ app }) => {
        const env = app.servers;
        const s3a = testS3Client(env, 1);
        const s3b = testS3Client(env, 2);
        const source = uniqueBucketName('e2e-copy-src');
        const target = uniqueBucketName('e2e-copy-dst');
        await createBucketWith(s3a, source, { 'photos/a.jpg': 'alpha', 'photos/b.jpg': 'bravo', 'photos/2024/c.jpg': 'charlie' });
        await s3a.send(new PutObjectCommand({ Bucket: source, Key: 'video.mp4', Body: randomBytes(40 * MiB) }));
        await createBucketWith(s3b, target, {});
        const call = coreClient(app.headless.core);
        try {
          if (locale === 'en-US') await connectLocalS3(app);
          const a = await call('connections:save', { draft: rgwDraft(env, 'Account A') });
          const b = await call('connections:save', {
            draft: { ...rgwDraft(env, 'Account B'), auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 } },
          });
          for (const id of [a.id, b.id]) expect((await call('connections:connect', { id })).state).toBe('connected');
          await call('transfers:setSettings', { changes: { downloadLimit: 4 * MiB, conflictPolicy: 'overwrite' } });
          const copies = await call('transfers:copyBetween', {
            source: { connectionId: a.id, paths: [`/${source}/video.mp4`, `/${source}/photos/`] },
            target: { connectionId: b.id, folder: `/${target}/backup/` },
          });
          const video = copies.find((t) => t.name === 'video.mp4')!;
          const row = app.page.locator(`[data-transfer-id="${video.id}"]`);
          await expect(row).toHaveAttribute('title', `/${source}/video.mp4 → /${target}/backup/video.mp4`);
          await expect(row.locator('.transfer-dir.copy')).toBeVisible();
          await expect(row.locator('.transfer-target')).toHaveText('→ backup');
          const badge = locale === 'en-US' ? 'Copy between servers' : 'Copia entre servidores';
          await expect(row.locator('.transfer-dir .visually-hidden')).toHaveText(badge);
          const folder = app.page.locator('[data-testid="transfer"][data-folder="photos"]');
          await expect(folder).toHaveAttribute('title', `/${source}/photos/ → /${target}/backup/photos/`);
          await expect(folder).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
          await expect(folder.locator('.transfer-dir .visually-hidden')).toHaveText(locale === 'en-US' ? 'Folder copy' : 'Copia de carpeta');
          await expect.poll(async () => Number(await row.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
          const suffix = locale === 'en-US' ? '' : '-es';
          for (const scheme of ['light', 'dark'] as const) {
            await app.page.emulateMedia({ colorScheme: scheme });
            await app.screenshot(`copy-between-rows${suffix}-${scheme}`);
          }
          await app.page.emulateMedia({ colorScheme: 'light' });
          await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
          await expect(row).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
          await expect(panel(app).first()).toBeVisible();
        } finally {
          await call('transfers:setSettings', { changes: { downloadLimit: 0 } });
          await removeBucket(s3a, source);
          await removeBucket(s3b, target);
        }
      });
    });
  }
});

/** A copy whose target exists asks in a copy's words, not an upload's. */
test.describe('the conflict question of a copy', () => {
  for (const locale of ['en-US', 'es-ES'] as const) {
    test.describe(locale, () => {
      test.use({ locale });
      test(`says copying and destination (${locale})`, async ({ app }) => {
        const env = app.servers;
        const s3a = testS3Client(env, 1);
        const s3b = testS3Client(env, 2);
        const source = uniqueBucketName('e2e-copyq-src');
        const target = uniqueBucketName('e2e-copyq-dst');
        await createBucketWith(s3a, source, { 'notes.txt': 'new notes' });
        await createBucketWith(s3b, target, { 'notes.txt': 'old' });
        const call = coreClient(app.headless.core);
        try {
          const a = await call('connections:save', { draft: rgwDraft(env, 'Account A') });
          const b = await call('connections:save', {
            draft: { ...rgwDraft(env, 'Account B'), auth: { kind: 'keys', accessKeyId: env.s3.accessKeyId2, secretAccessKey: env.s3.secretAccessKey2 } },
          });
          for (const id of [a.id, b.id]) expect((await call('connections:connect', { id })).state).toBe('connected');
          await call('transfers:setSettings', { changes: { conflictPolicy: 'ask' } });
          const [copy] = await call('transfers:copyBetween', { source: { connectionId: a.id, paths: [`/${source}/notes.txt`] }, target: { connectionId: b.id, folder: `/${target}/` } });
          const dialog = app.page.getByRole('dialog');
          const en = locale === 'en-US';
          await expect(dialog).toContainText(en ? 'notes.txt already exists at the destination.' : 'notes.txt ya existe en el destino.');
          await expect(dialog).toContainText(en ? 'Copying' : 'Se copia');
          await expect(dialog).not.toContainText(en ? 'Uploading' : 'Se carga');
          await app.screenshot(`copy-conflict${en ? '' : '-es'}`);
          await dialog.getByRole('button', { name: en ? 'Skip' : 'Omitir' }).click();
          await expect(app.page.locator(`[data-transfer-id="${copy!.id}"]`)).toHaveAttribute('data-state', 'completed');
        } finally {
          await call('transfers:setSettings', { changes: { conflictPolicy: 'overwrite' } });
          await removeBucket(s3a, source);
          await removeBucket(s3b, target);
        }
      });
    });
  }
});
