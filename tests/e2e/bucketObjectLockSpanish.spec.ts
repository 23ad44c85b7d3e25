/**
 * Object Lock and Transfer Acceleration in Spanish: the panel, the legal hold in Properties
 * and a refused delete read as Spanish sentences, photographed light and dark to check they fit.
 */
import { CreateBucketCommand, PutObjectCommand, PutObjectLockConfigurationCommand } from '@aws-sdk/client-s3';
import { connectLocalS3Spanish, row } from './actions.js';
import { openSettingsFromMenuInSpanish, shoot } from './bucketSettingsDialog.js';
import { expect, test } from './fixtures.js';
import { removeLockedBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test.use({ locale: 'es-ES' });

test('Object Lock speaks Spanish: the panel, Properties and a refused delete, and fits', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-lock-es');
  await s3.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: true }));
  await s3.send(
    new PutObjectLockConfigurationCommand({
      Bucket: bucket,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 2 } } },
    }),
  );
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'contrato.pdf', Body: 'pdf' }));
  try {
    await connectLocalS3Spanish(app);
    const dialog = await openSettingsFromMenuInSpanish(page, bucket);
    await dialog.getByRole('button', { name: 'Bloqueo de objetos', exact: true }).click();
    await expect(dialog.getByTestId('object-lock-state')).toHaveText('Habilitado');
    await expect(dialog.getByTestId('object-lock-default')).toHaveText('Retención predeterminada: Gobierno, 2 días.');
    await dialog.getByRole('radio', { name: 'Conformidad' }).check();
    await expect(dialog.getByText(/ni siquiera el usuario raíz/)).toBeVisible();
    await shoot(app, 'bucket-panel-object-lock-es');
    await dialog.getByRole('radio', { name: 'Gobierno' }).check();
    await dialog.getByRole('navigation').getByRole('button', { name: /^Transfer Acceleration/ }).click();
    await expect(dialog.getByRole('status')).toHaveText('Transfer Acceleration solo existe en AWS.');
    await dialog.getByRole('button', { name: 'Listo' }).click();

    // Legal hold from the menu, then Properties, then the refused delete of the version.
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/contrato.pdf`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Activar la retención legal', exact: true }).click();
    await expect(page.getByText('Retención legal activada en 1 objeto.')).toBeVisible();
    await row(page, `/${bucket}/contrato.pdf`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Propiedades…' }).click();
    const props = page.getByRole('dialog', { name: 'contrato.pdf' });
    await expect(props.getByTestId('object-legal-hold')).toHaveText('Activada');
    await expect(props.getByTestId('object-retention')).toContainText('Modo de gobierno hasta el');
    await shoot(app, 'properties-object-lock-es');
    await props.getByRole('button', { name: 'Cerrar' }).click();
    await row(page, `/${bucket}/contrato.pdf`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Mostrar versiones' }).click();
    const versions = page.getByRole('dialog', { name: 'Versiones de «contrato.pdf»' });
    await versions.getByRole('button', { name: 'Eliminar', exact: true }).first().click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Eliminar versión' }).click();
    await expect(versions.getByRole('alert')).toHaveText(
      'El bloqueo de objetos ha impedido la eliminación: esta versión tiene una retención legal. Desactiva primero la retención legal.',
    );
    await shoot(app, 'object-lock-delete-refused-es');
  } finally {
    await removeLockedBucket(s3, bucket);
  }
});
