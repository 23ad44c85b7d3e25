/**
 * Replication rules and event notifications at the real RGW: the forms, their sentences, the
 * versioning both ends need, the unsaved-changes guard, RGW's refusal of replication rules said
 * plainly, and a notification to an RGW topic saved and read back from the server.
 */
import { GetBucketNotificationConfigurationCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { connectLocalS3 } from './actions.js';
import { openSettingsFromMenu, settingsDialog, shoot } from './bucketSettingsDialog.js';
import { expect, test } from './fixtures.js';
import { createRgwTopic } from '../support/rgwTopic.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

const role = 'arn:aws:iam::111122223333:role/s3-replication';

test('replication rules: versioning checked at both ends, each problem named, unsaved edits guarded, RGW’s refusal explained', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-repl');
  const destination = `${bucket}-dst`;
  await createBucketWith(s3, bucket, {});
  await createBucketWith(s3, destination, {});
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    let dialog = settingsDialog(page, bucket);
    await dialog.getByRole('button', { name: 'Replication', exact: true }).click();
    await expect(dialog.getByText('No rules: objects are not copied anywhere.')).toBeVisible();
    await expect(dialog.getByTestId('source-versioning')).toHaveText(`Versioning is off in “${bucket}”: turn it on in the Versioning panel before saving replication rules.`);
    await expect(dialog.getByText('This server is not AWS: it may refuse replication rules')).toBeVisible();

    await dialog.getByRole('button', { name: 'Add rule' }).click();
    const rule = dialog.getByRole('group', { name: 'Replication rule 1' });
    await expect(dialog.getByText('Enter the IAM role S3 assumes to replicate objects.')).toBeVisible();
    await dialog.getByLabel('IAM role').fill('arn:aws:iam::111122223333:user/alice');
    await expect(dialog.getByText('An IAM role ARN looks like arn:aws:iam::123456789012:role/s3-replication.')).toBeVisible();
    await dialog.getByLabel('IAM role').fill(role);
    await rule.getByLabel('Destination bucket').fill(destination);
    await expect(rule.getByTestId('destination-versioning')).toHaveText(`Versioning is off in ${destination}: turn it on there before saving, or S3 refuses the rule.`);
    await expect(dialog.getByRole('button', { name: 'Save rules' })).toBeDisabled();
    await app.screenshot('bucket-panel-replication-versioning-off-light');

    // Leaving with unsaved edits asks first; discarding drops them.
    await dialog.getByRole('button', { name: 'Done' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Save your changes?' });
    await expect(ask).toContainText('cannot be saved until the fields marked in the panel are fixed');
    await ask.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();

    for (const Bucket of [bucket, destination]) await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    await openSettingsFromMenu(page, bucket);
    dialog = settingsDialog(page, bucket);
    await dialog.getByRole('button', { name: 'Replication', exact: true }).click();
    await expect(dialog.getByTestId('source-versioning')).toHaveText('Versioning is on in this bucket');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog.getByLabel('IAM role').fill(role);
    await rule.getByLabel('Rule ID').fill('invoices-to-dr');
    await rule.getByRole('radio', { name: 'Prefix and tags' }).check();
    await rule.getByRole('textbox', { name: 'Prefix', exact: true }).fill('invoices/');
    await rule.getByRole('textbox', { name: 'Tags' }).fill('class=finance');
    await expect(rule.getByText('S3 cannot replicate delete markers in a rule that filters by tags')).toBeVisible();
    await rule.getByLabel('Replicate delete markers').uncheck();
    await rule.getByLabel('Destination bucket').fill(bucket);
    await expect(rule.getByText('A bucket cannot replicate to itself: choose another bucket.')).toBeVisible();
    await rule.getByLabel('Destination bucket').fill(destination);
    await expect(rule.getByTestId('destination-versioning')).toHaveText(`Versioning is on in ${destination}.`);
    await rule.getByLabel('Storage class of copies').selectOption('STANDARD_IA');
    await expect(rule.getByTestId('rule-summary')).toHaveText(
      `New objects under invoices/ tagged class=finance are copied to ${destination}. Copies are stored as Standard-IA. Delete markers are not replicated.`,
    );
    // Another account's bucket cannot be checked with this connection: said, not guessed.
    await rule.getByLabel('The destination belongs to another AWS account').check();
    await rule.getByLabel('Account ID').fill('444455556666');
    await expect(rule.getByTestId('destination-versioning')).toContainText('This connection cannot check the destination');
    await rule.getByLabel('The destination belongs to another AWS account').uncheck();
    await rule.getByLabel('Rule ID').scrollIntoViewIfNeeded();
    await shoot(app, 'bucket-panel-replication');

    await dialog.getByRole('button', { name: 'Save rules' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'This server does not take replication rules through S3. Ceph RGW replicates between zones through the multisite sync policy its administrator sets.',
    );
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect(dialog.getByText('No rules: objects are not copied anywhere.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
  } finally {
    await removeBucket(s3, bucket);
    await removeBucket(s3, destination);
  }
});

test('event notifications: a notification to an RGW topic made in the form, saved, read back from the server and removed', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-notify');
  const topic = await createRgwTopic(servers, `e2e-uploads-${Date.now().toString(36)}`);
  await createBucketWith(s3, bucket, {});
  try {
    await connectLocalS3(app);
    await openSettingsFromMenu(page, bucket);
    const dialog = settingsDialog(page, bucket);
    await dialog.getByRole('button', { name: 'Event notifications', exact: true }).click();
    await expect(dialog.getByText('No notifications: nothing is sent when objects change.')).toBeVisible();
    await expect(dialog.getByText('This server is not AWS: it sends notifications to its own topics')).toBeVisible();
    await expect(dialog.getByLabel('Send every event to Amazon EventBridge')).toBeDisabled();

    await dialog.getByRole('button', { name: 'Add rule' }).click();
    const rule = dialog.getByRole('group', { name: 'Notification 1' });
    await expect(rule.getByRole('radio', { name: 'SQS queue' })).toBeDisabled();
    await expect(rule.getByText("Enter the topic's ARN, such as arn:aws:sns:us-east-1:123456789012:uploads.")).toBeVisible();
    await rule.getByLabel('Rule ID').fill('uploads');
    await rule.getByLabel('ARN').fill(topic);
    await rule.getByRole('checkbox', { name: 's3:ObjectCreated:*', exact: true }).uncheck();
    await expect(rule.getByText('Choose at least one event.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save notifications' })).toBeDisabled();
    await rule.getByRole('checkbox', { name: 's3:ObjectCreated:Put', exact: true }).check();
    await rule.getByRole('checkbox', { name: 's3:ObjectRemoved:*', exact: true }).check();
    await expect(rule.getByRole('checkbox', { name: 's3:ObjectRemoved:Delete', exact: true })).toBeDisabled();
    await rule.getByRole('textbox', { name: 'Prefix', exact: true }).fill('img/');
    await rule.getByLabel('Suffix').fill('.jpg');
    await expect(rule.getByTestId('rule-summary')).toHaveText(
      `Sends s3:ObjectCreated:Put, s3:ObjectRemoved:* of objects under img/ ending in .jpg to the SNS topic ${topic}.`,
    );
    await rule.getByLabel('Rule ID').scrollIntoViewIfNeeded();
    await shoot(app, 'bucket-panel-notifications');
    await dialog.getByRole('button', { name: 'Save notifications' }).click();
    await expect(dialog.getByText('Saved.')).toBeVisible();

    const held = async () => {
      const out = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
      return out.TopicConfigurations ?? [];
    };
    expect(await held()).toEqual([
      {
        Id: 'uploads',
        TopicArn: topic,
        Events: ['s3:ObjectCreated:Put', 's3:ObjectRemoved:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'img/' }, { Name: 'suffix', Value: '.jpg' }] } },
      },
    ]);

    await dialog.getByRole('button', { name: 'Remove notification 1' }).click();
    await dialog.getByRole('button', { name: 'Save notifications' }).click();
    await expect(dialog.getByText('No notifications: nothing is sent when objects change.')).toBeVisible();
    await expect.poll(held).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
  } finally {
    await removeBucket(s3, bucket);
  }
});
