/**
 * The window's language: a browser whose preferred language is Spanish (the preview follows
 * navigator.languages; the desktop app, the system's list from main) gets Spanish, with
 * Spanish plurals, from the parts of the window already in the catalogs.
 */
import { connectLocalS3Spanish, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test.use({ locale: 'es-ES' });

test('a Spanish browser locale shows Spanish', async ({ app }) => {
  expect(await app.page.evaluate(() => navigator.languages[0])).toBe('es-ES');
  const s3 = testS3Client(app.servers);
  const bucket = uniqueBucketName('e2e-lang');
  await createBucketWith(s3, bucket, { 'a.txt': 'alpha', 'b.txt': 'beta' });
  try {
    await connectLocalS3Spanish(app);
    await row(app.page, `/${bucket}/`).dblclick();
    await row(app.page, `/${bucket}/a.txt`).click();
    await row(app.page, `/${bucket}/b.txt`).click({ modifiers: ['Control'] });
    await row(app.page, `/${bucket}/a.txt`).evaluate((el) => el.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() })));
    await app.page.evaluate(() => document.dispatchEvent(new DragEvent('dragleave', { bubbles: true, relatedTarget: null, clientX: -2, clientY: 300, dataTransfer: new DataTransfer() })));
    const ready = app.page.getByRole('group', { name: 'Listo para arrastrar' });
    await expect(ready).toBeVisible({ timeout: 30_000 });
    await expect(ready).toContainText('2 archivos · arrástralos fuera de la ventana');
    await expect(ready).toContainText('Arrastrar al escritorio funciona en la aplicación de escritorio.');
    await expect(app.page.getByRole('button', { name: 'Descartar' })).toBeVisible();
    await app.screenshot('dragout-ready-es');
  } finally {
    await removeBucket(s3, bucket).catch(() => undefined);
  }
});
