import { connectionDraftSchema } from '../../shared/connections.js';
import { files, row } from './actions.js';
import { openSettingsFromMenu, settingsDialog, shoot } from './bucketSettingsDialog.js';
import { expect, test, type StowageApp } from './fixtures.js';
import { AwsReplay, awsFixture, type Reply, type Seen } from '../support/awsReplay.js';
import { coreClient } from '../support/coreClient.js';

const directory = 'fast-scratch--use1-az4--x-s3';

/** What AWS answers each request, by its query; the folder's second page waits for `secondPage`. */
async function awsAnswers(req: Seen, secondPage: Promise<void>): Promise<Reply> {
  const query = new URL(req.url, 'http://x').searchParams;
  if (query.get('x-id') === 'ListBuckets' || req.url === '/') return { body: awsFixture('ListBuckets.xml') };
  if (query.has('session')) return { body: awsFixture('CreateSession.xml') };
  if (query.get('list-type') === '2') {
    if (!query.has('continuation-token')) return { body: awsFixture('ListObjectsV2-directory-page1.xml') };
    await secondPage;
    return { body: awsFixture('ListObjectsV2-directory-page2.xml') };
  }
  if (query.has('encryption')) return { body: awsFixture('GetBucketEncryption-kms.xml') };
  if (query.has('lifecycle')) return { body: awsFixture('GetBucketLifecycleConfiguration.xml') };
  if (query.has('policy')) return { status: 404, body: '<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>' };
  return { status: 501, body: '<Error><Code>NotImplemented</Code><Message>not recorded</Message></Error>' };
}

/** The replaying server; the folder's second page is held until `releaseSecondPage`. */
async function startReplay() {
  const replay = new AwsReplay();
  let releaseSecondPage!: () => void;
  const secondPage = new Promise<void>((done) => (releaseSecondPage = done));
  replay.route = (req) => awsAnswers(req, secondPage);
  const endpoint = await replay.start();
  return { replay, endpoint, releaseSecondPage };
}

/** A connection to the replaying server, with the directory bucket saved on it (the bucket list shows it). */
async function saveRecordedConnection(app: StowageApp, endpoint: string, name = 'Recorded AWS') {
  const draft = connectionDraftSchema.parse({
    protocol: 's3',
    name,
    endpoint: { kind: 'custom', url: endpoint },
    region: 'us-east-1',
    forcePathStyle: true,
    rememberSecret: true,
    auth: { kind: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    bookmarkedBuckets: [directory],
  });
  await coreClient(app.headless.core)('connections:save', { draft });
}

test('directory buckets: flagged in the bucket list, a folder gathered then sorted, and only the settings they have (recorded AWS responses)', async ({ app }) => {
  const { page } = app;
  const { replay, endpoint, releaseSecondPage } = await startReplay();
  try {
    await saveRecordedConnection(app, endpoint);
    await page.locator('.conn-item', { hasText: 'Recorded AWS' }).dblclick();

    // A general purpose bucket and a directory bucket, the latter flagged.
    await expect(row(page, '/recorded-photos/')).toBeVisible();
    await expect(row(page, `/${directory}/`).getByTestId('directory-badge')).toHaveText('Directory');
    await expect(row(page, '/recorded-photos/').getByTestId('directory-badge')).toHaveCount(0);
    await shoot(app, 'directory-bucket-list');

    // Its folder lists in no order: nothing shows until every page is in, and the status bar says why.
    await page.getByRole('button', { name: 'Edit path' }).click();
    await page.getByRole('textbox', { name: 'Path' }).fill(`/${directory}/runs/`);
    await page.getByRole('textbox', { name: 'Path' }).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'directory buckets list in no order' })).toContainText('Gathering 4 items to sort');
    await expect(files(page).locator('[role="row"][data-path]')).toHaveCount(0);
    // (The spinner turns for as long as the page is held: no waiting for animations to end here.)
    await app.screenshot('directory-bucket-gathering-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('directory-bucket-gathering-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    releaseSecondPage();
    const names = files(page).locator('[role="row"][data-path] .name-text');
    await expect(names).toHaveCount(6);
    expect(await names.allTextContents()).toEqual(['a b', 'shards', 'alpha.parquet', 'beta.parquet', 'zeta.parquet', 'Zulu.parquet']);
    await expect(page.locator('.statusbar')).toContainText('6 items');

    // Its settings: policy, encryption and lifecycle, and a line on why the rest are not there.
    await page.getByRole('button', { name: 'Edit path' }).click();
    await page.getByRole('textbox', { name: 'Path' }).fill('/');
    await page.getByRole('textbox', { name: 'Path' }).press('Enter');
    await openSettingsFromMenu(page, directory);
    const dialog = settingsDialog(page, directory);
    await expect(dialog.locator('.bucket-nav-item')).toHaveText(['Lifecycle rules', 'Default encryption', 'Bucket policy']);
    await expect(dialog).toContainText('A directory bucket (S3 Express One Zone) has a bucket policy, default encryption and lifecycle rules that expire objects only');
    await expect(dialog).toContainText('us-east-1');
    await expect(dialog.getByText('Public status unknown')).toHaveCount(0);
    await shoot(app, 'directory-bucket-settings');
  } finally {
    releaseSecondPage();
    await replay.close();
  }
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' });

  test('directory buckets and "reopen where you left" read in Spanish (recorded AWS responses)', async ({ app }) => {
    const { page } = app;
    const { replay, endpoint, releaseSecondPage } = await startReplay();
    try {
      await saveRecordedConnection(app, endpoint, 'AWS grabado');
      await page.locator('.conn-item', { hasText: 'AWS grabado' }).dblclick();
      await expect(row(page, `/${directory}/`).getByTestId('directory-badge')).toHaveText('Directorio');
      await page.keyboard.press('Control+l');
      await page.locator('.pathbar-edit input').fill(`/${directory}/runs/`);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'los buckets de directorio listan sin orden' })).toContainText('Reuniendo 4 elementos');
      await app.screenshot('directory-bucket-gathering-es');
      releaseSecondPage();
      await expect(files(page).locator('[role="row"][data-path]')).toHaveCount(6);

      await page.keyboard.press('Control+l');
      await page.locator('.pathbar-edit input').fill('/');
      await page.keyboard.press('Enter');
      await row(page, `/${directory}/`).click({ button: 'right' });
      await page.getByRole('menuitem', { name: 'Configuración del bucket…' }).click();
      const dialog = page.getByRole('dialog', { name: `Configuración del bucket — ${directory}` });
      await expect(dialog).toContainText('Un bucket de directorio (S3 Express One Zone) solo tiene');
      await expect(dialog.getByText('Leyendo', { exact: false })).toBeHidden();
      await shoot(app, 'directory-bucket-settings-es');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Configuración' }).first().click();
      const settings = page.getByRole('dialog', { name: 'Configuración' });
      await expect(settings.getByLabel('Volver a abrir las conexiones y carpetas abiertas al salir')).toBeChecked();
      await shoot(app, 'reopen-setting-es');
    } finally {
      releaseSecondPage();
      await replay.close();
    }
  });
});
