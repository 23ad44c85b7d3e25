import { connectLocalS3, files, row } from './actions.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

// `\u202Egnp.exe` reads as "exe.png" when the right-to-left override is left to do its work.
const reversed = '\u202Egnp.exe';
const zeroWidth = 'pay\u200Broll.pdf';
const isolated = 'in\u2067side\u2069';

test('S3: names holding hidden bidi or zero-width characters show each one as a marker, in the list, the path and the properties', async ({
  app,
}) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-hidden');
  await createBucketWith(s3, bucket, {
    [`names/${reversed}`]: 'not a picture',
    [`names/${zeroWidth}`]: 'numbers',
    [`names/${isolated}/inner.txt`]: 'inside',
    'names/plain.txt': 'plain',
  });
  try {
    await connectLocalS3(app);
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/names/`).dblclick();

    const name = (key: string) => row(page, `/${bucket}/names/${key}`).locator('.name-text');
    await expect(name(reversed)).toHaveText('⟨U+202E⟩gnp.exe');
    await expect(name(zeroWidth)).toHaveText('pay⟨U+200B⟩roll.pdf');
    await expect(name(`${isolated}/`)).toHaveText('in⟨U+2067⟩side⟨U+2069⟩');
    await expect(name('plain.txt')).toHaveText('plain.txt');
    await expect(name('plain.txt').locator('.hidden-char')).toHaveCount(0);

    // The marker says what it stands for, and the row's tooltip never holds the raw character.
    const marker = name(reversed).locator('.hidden-char');
    await expect(marker).toHaveAttribute('title', /hidden control character, U\+202E \(right-to-left override\)/);
    await expect(row(page, `/${bucket}/names/${reversed}`).locator('.cell-name')).toHaveAttribute('title', '⟨U+202E⟩gnp.exe');
    await expect(files(page)).not.toContainText('\u202E');
    await app.screenshot('s3-hidden-characters');

    await row(page, `/${bucket}/names/${reversed}`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Properties…' }).click();
    const props = page.getByRole('dialog', { name: '⟨U+202E⟩gnp.exe' });
    await expect(props).toContainText(`/${bucket}/names/⟨U+202E⟩gnp.exe`);
    await props.getByRole('button', { name: 'Close' }).click();

    await row(page, `/${bucket}/names/${isolated}/`).dblclick();
    await expect(row(page, `/${bucket}/names/${isolated}/inner.txt`)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Path' })).toContainText('in⟨U+2067⟩side⟨U+2069⟩');
  } finally {
    await removeBucket(s3, bucket);
  }
});
