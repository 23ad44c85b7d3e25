import { connectLocalS3 } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

for (const scheme of ['light', 'dark'] as const) {
  test(`follows the OS ${scheme} theme: connection form, bucket list and folder view`, async ({ app }) => {
    const { page, servers } = app;
    await page.emulateMedia({ colorScheme: scheme });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const luminance = (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    if (scheme === 'light') expect(luminance).toBeGreaterThan(0.6);
    else expect(luminance).toBeLessThan(0.4);

    await page.getByRole('button', { name: 'New connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'New connection' });
    await dialog.getByRole('radio', { name: 'S3' }).check();
    await dialog.getByLabel('Endpoint', { exact: true }).selectOption({ label: 'Custom endpoint' });
    await app.screenshot(`connection-form-${scheme}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const s3 = testS3Client(servers);
    const bucket = uniqueBucketName(`look-${scheme}`);
    const objects: Record<string, string> = {};
    for (let i = 0; i < 40; i++) objects[`photos/IMG_${String(1000 + i)}.jpg`] = 'x'.repeat(1000 + i * 997);
    objects['photos/albums/'] = '';
    objects['photos/notes.txt'] = 'notes';
    await createBucketWith(s3, bucket, objects);
    try {
      await connectLocalS3(app);
      const grid = page.getByRole('grid', { name: 'Files' });
      await expect(grid.locator(`[data-path="/${bucket}/"]`)).toBeVisible();
      await app.screenshot(`buckets-${scheme}`);
      await grid.locator(`[data-path="/${bucket}/"]`).dblclick();
      await grid.locator(`[data-path="/${bucket}/photos/"]`).dblclick();
      await expect(grid.locator(`[data-path="/${bucket}/photos/IMG_1003.jpg"]`)).toBeVisible();
      await grid.locator(`[data-path="/${bucket}/photos/IMG_1003.jpg"]`).click();
      await app.screenshot(`folder-${scheme}`);
    } finally {
      await removeBucket(s3, bucket);
    }
  });
}
