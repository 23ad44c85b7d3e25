/**
 * Replication rules and event notifications in Spanish: the panels, their checks and summaries
 * read as Spanish sentences, photographed light and dark to check they fit.
 */
import { PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { connectLocalS3Spanish } from './actions.js';
import { openSettingsFromMenuInSpanish, shoot } from './bucketSettingsDialog.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test.use({ locale: 'es-ES' });

test('replication and notifications speak Spanish and fit', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-repl-es');
  const destination = `${bucket}-dst`;
  await createBucketWith(s3, bucket, {});
  await createBucketWith(s3, destination, {});
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  try {
    await connectLocalS3Spanish(app);
    const dialog = await openSettingsFromMenuInSpanish(page, bucket);

    await dialog.getByRole('button', { name: 'Replicación', exact: true }).click();
    await expect(dialog.getByTestId('source-versioning')).toHaveText('El control de versiones está activado en este bucket');
    await dialog.getByRole('button', { name: 'Añadir regla' }).click();
    const rule = dialog.getByRole('group', { name: 'Regla de replicación 1' });
    await dialog.getByLabel('Rol de IAM').fill('arn:aws:iam::111122223333:role/s3-replication');
    await rule.getByRole('radio', { name: 'Prefijo', exact: true }).check();
    await rule.getByRole('textbox', { name: 'Prefijo', exact: true }).fill('facturas/');
    await rule.getByLabel('Bucket de destino').fill(destination);
    await expect(rule.getByTestId('destination-versioning')).toHaveText(
      `El control de versiones está desactivado en ${destination}: actívalo allí antes de guardar, o S3 rechazará la regla.`,
    );
    await expect(rule.getByTestId('rule-summary')).toHaveText(`Los objetos nuevos bajo facturas/ se copian en ${destination}. Los marcadores de eliminación se replican.`);
    await rule.getByLabel('Bucket de destino').scrollIntoViewIfNeeded();
    await shoot(app, 'bucket-panel-replication-es');

    await dialog.getByRole('button', { name: 'Notificaciones de eventos', exact: true }).click();
    await page.getByRole('alertdialog', { name: /Guardar/ }).getByRole('button', { name: 'Descartar' }).click();
    await expect(dialog.getByText('No hay notificaciones: no se envía nada cuando cambian los objetos.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Añadir regla' }).click();
    const notification = dialog.getByRole('group', { name: 'Notificación 1' });
    await notification.getByLabel('ARN').fill('arn:aws:sns:default::subidas');
    await notification.getByLabel('Sufijo').fill('.jpg');
    await expect(notification.getByTestId('rule-summary')).toHaveText(
      'Envía s3:ObjectCreated:* de los objetos que terminan en .jpg a: Tema de SNS arn:aws:sns:default::subidas.',
    );
    await shoot(app, 'bucket-panel-notifications-es');
  } finally {
    await removeBucket(s3, bucket);
    await removeBucket(s3, destination);
  }
});
