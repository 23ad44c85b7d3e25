import { GetBucketCorsCommand, GetBucketLifecycleConfigurationCommand, GetBucketWebsiteCommand } from '@aws-sdk/client-s3';
import { connectLocalS3 } from './actions.js';
import { openSettingsFromMenu, settingsDialog, shoot } from './bucketSettingsDialog.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test('lifecycle rule made in the form: a bad value is named and blocks Save; the saved rule is what the server holds', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('forms-lifecycle');
  await createBucketWith(s3, bucket, {});
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);
    await dialog.getByRole('button', { name: 'Lifecycle rules', exact: true }).click();
    await expect(dialog.getByText('No rules: objects stay where they are')).toBeVisible();

    await dialog.getByRole('button', { name: 'Add rule' }).click();
    const rule = dialog.getByRole('group', { name: 'Lifecycle rule 1' });
    const save = dialog.getByRole('button', { name: 'Save rules' });
    await rule.getByLabel('Rule ID').fill('archive-logs');
    await rule.getByRole('radio', { name: 'Prefix', exact: true }).check();
    await rule.getByRole('textbox', { name: 'Prefix', exact: true }).fill('logs/');
    await rule.getByRole('button', { name: 'Add transition' }).click();
    await rule.getByRole('button', { name: 'Add transition' }).click();
    await rule.getByLabel('Transition 2 storage class').selectOption('GLACIER');

    // Too early for STANDARD_IA: said next to the field, and nothing can be saved.
    await rule.getByLabel('Transition 1 days').fill('10');
    await expect(rule.getByText('S3 moves objects to Standard-IA after 30 days at the earliest.')).toBeVisible();
    await expect(save).toBeDisabled();
    await expect(dialog.getByText('Fix the fields marked above to save.')).toBeVisible();
    await app.screenshot('bucket-panel-lifecycle-invalid-light');
    await rule.getByLabel('Transition 1 days').fill('30');
    await rule.getByLabel('Transition 2 days').fill('90');
    await rule.getByLabel('Delete objects').fill('0');
    await expect(rule.getByText('Enter 1 day or more.')).toBeVisible();
    await expect(save).toBeDisabled();
    await rule.getByLabel('Delete objects').fill('365');
    await rule.getByLabel('Delete old versions').fill('30');
    await rule.getByLabel('Abort unfinished uploads').fill('5');
    await expect(rule.getByTestId('rule-summary')).toHaveText(
      'Objects under logs/ move to Standard-IA after 30 days, then to Glacier Flexible after 90 days and are deleted after 365 days; old versions are deleted 30 days after being replaced; unfinished uploads are aborted after 5 days.',
    );
    await rule.getByRole('textbox', { name: 'Prefix', exact: true }).scrollIntoViewIfNeeded();
    await shoot(app, 'bucket-panel-lifecycle');
    await save.click();
    await expect(dialog.getByText('Saved.')).toBeVisible();

    const read = async () => (await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules ?? [];
    const [saved] = await read();
    // RGW hands transitions back in its own order: compare them by day.
    saved?.Transitions?.sort((a, b) => (a.Days ?? 0) - (b.Days ?? 0));
    expect(saved).toMatchObject({
      ID: 'archive-logs',
      Status: 'Enabled',
      Filter: { Prefix: 'logs/' },
      Transitions: [
        { Days: 30, StorageClass: 'STANDARD_IA' },
        { Days: 90, StorageClass: 'GLACIER' },
      ],
      Expiration: { Days: 365 },
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 5 },
    });

    // After the save the card shows the server's rule, closed, with nothing left to save
    // (RGW reorders the transitions; the form lists them by day). Switched off, it is saved as Disabled.
    await expect(rule.getByTestId('rule-summary')).toHaveText(/^Objects under logs\/ move to Standard-IA after 30 days, then to Glacier Flexible after 90 days/);
    await expect(save).toBeDisabled();
    await expect(dialog.getByRole('button', { name: 'Discard changes' })).toBeHidden();
    await expect(rule.getByRole('button', { name: /archive-logs/ })).toHaveAttribute('aria-expanded', 'false');
    await rule.getByRole('button', { name: /archive-logs/ }).click();
    await rule.getByRole('switch').uncheck();
    await expect(rule.getByText('Disabled', { exact: true })).toBeVisible();
    await save.click();
    await expect.poll(async () => (await read()).map((r) => [r.ID, r.Status])).toEqual([['archive-logs', 'Disabled']]);
    await expect(dialog.getByText('Saved.')).toBeVisible();
    await shoot(app, 'bucket-panel-lifecycle-saved');
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('CORS rule made in the form: a bad origin is named and blocks Save; the saved rule is what the server holds', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('forms-cors');
  await createBucketWith(s3, bucket, {});
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);
    await dialog.getByRole('button', { name: 'CORS', exact: true }).click();
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    const rule = dialog.getByRole('group', { name: 'CORS rule 1' });
    const save = dialog.getByRole('button', { name: 'Save CORS rules' });

    await rule.getByLabel('Allowed origins').fill('https://app.example.com\nexample.org/app');
    await expect(rule.getByText('“example.org/app” is not an origin')).toBeVisible();
    await expect(save).toBeDisabled();
    await rule.getByLabel('Allowed origins').fill('https://app.example.com\nhttps://*.example.org');
    await rule.getByRole('checkbox', { name: 'PUT' }).check();
    await rule.getByRole('checkbox', { name: 'HEAD' }).uncheck();
    await rule.getByLabel('Allowed headers').fill('Content-Type\nx-amz-meta-*');
    await rule.getByLabel('Exposed headers').fill('ETag');
    await rule.getByLabel('Cache preflight for').fill('600');
    await expect(rule.getByTestId('rule-summary')).toHaveText(
      'Pages on https://app.example.com and https://*.example.org can send GET and PUT requests with the headers Content-Type and x-amz-meta-*, read ETag in answers, and browsers remember this for 600 seconds.',
    );
    await shoot(app, 'bucket-panel-cors');
    await save.click();
    await expect(dialog.getByText('Saved.')).toBeVisible();

    const cors = (await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules;
    // RGW keeps origins as a set and hands them back sorted.
    cors?.[0]?.AllowedOrigins?.sort();
    expect(cors).toEqual([
      {
        AllowedOrigins: ['https://*.example.org', 'https://app.example.com'],
        AllowedMethods: ['GET', 'PUT'],
        AllowedHeaders: ['Content-Type', 'x-amz-meta-*'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 600,
      },
    ]);
  } finally {
    await removeBucket(s3, bucket);
  }
});

test('website routing rules made in the form: a bad error code is named and blocks Save; the saved rules are what the server holds', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('forms-routing');
  await createBucketWith(s3, bucket, { 'index.html': '<h1>home</h1>' });
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);
    await dialog.getByRole('button', { name: 'Website hosting', exact: true }).click();
    await dialog.getByRole('radio', { name: 'Host a website' }).check();
    const save = dialog.getByRole('button', { name: 'Save website settings' });

    await dialog.getByRole('button', { name: 'Add routing rule' }).click();
    const moved = dialog.getByRole('group', { name: 'Routing rule 1' });
    await moved.getByLabel('Key prefix', { exact: true }).fill('docs/');
    await moved.getByLabel('New key prefix').fill('documents/');
    await moved.getByLabel('Host name').fill('www.example.com');
    await moved.getByLabel('Protocol').selectOption('https');
    await moved.getByLabel('Redirect code').selectOption('302');
    await expect(moved.getByTestId('rule-summary')).toHaveText('Requests for keys under docs/ are redirected to documents/… on www.example.com over https (302).');

    await dialog.getByRole('button', { name: 'Add routing rule' }).click();
    const missing = dialog.getByRole('group', { name: 'Routing rule 2' });
    await missing.getByLabel('When').selectOption('error');
    await missing.getByLabel('Error code').fill('200');
    await expect(missing.getByText('Enter an HTTP error code from 400 to 599, such as 404.')).toBeVisible();
    await expect(save).toBeDisabled();
    await missing.getByLabel('Error code').fill('404');
    await missing.getByLabel('Key', { exact: true }).selectOption('key');
    await missing.getByLabel('New key', { exact: true }).fill('missing.html');
    await shoot(app, 'bucket-panel-website-routing');
    await save.click();
    await expect(dialog.getByTestId('website-state')).toHaveText('Hosting a website');

    const site = await s3.send(new GetBucketWebsiteCommand({ Bucket: bucket }));
    expect(site.IndexDocument?.Suffix).toBe('index.html');
    expect(site.RoutingRules).toEqual([
      {
        Condition: { KeyPrefixEquals: 'docs/' },
        Redirect: { HostName: 'www.example.com', Protocol: 'https', ReplaceKeyPrefixWith: 'documents/', HttpRedirectCode: '302' },
      },
      { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { ReplaceKeyWith: 'missing.html' } },
    ]);
  } finally {
    await removeBucket(s3, bucket);
  }
});
