/**
 * The bucket settings in Spanish: every panel's heading, explanation and buttons come from
 * the catalogs, the lifecycle and CORS summaries read as Spanish sentences, and each panel
 * is photographed in light and dark to check that the longer words fit.
 *
 * Everything is selected by its Spanish words or by test ids.
 */
import { connectLocalS3Spanish, row } from './actions.js';
import { openSettingsFromMenuInSpanish, shoot } from './bucketSettingsDialog.js';
import { expect, test } from './fixtures.js';
import { createBucketWith, removeBucket, testS3Client, uniqueBucketName } from '../support/s3Fixtures.js';

test.use({ locale: 'es-ES' });


test('bucket settings speak Spanish in every panel, and fit', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-es');
  await createBucketWith(s3, bucket, { 'index.html': '<h1>hola</h1>' });
  try {
    await connectLocalS3Spanish(app);
    const dialog = await openSettingsFromMenuInSpanish(page, bucket);
    const heading = dialog.locator('.bucket-panel-title');
    const open = async (nav: string, title: string) => {
      await dialog.getByRole('navigation', { name: 'Configuración del bucket' }).getByRole('button', { name: nav, exact: true }).click();
      await expect(heading).toHaveText(title);
    };

    // Versioning: the state and its buttons.
    await expect(heading).toHaveText('Control de versiones');
    await expect(dialog.getByTestId('versioning-state')).toHaveText('Nunca habilitado');
    await expect(dialog.getByRole('button', { name: 'Habilitar el control de versiones' })).toBeVisible();
    await expect(dialog.getByText(/^Región: /)).toBeVisible();
    await shoot(app, 'bucket-versioning-es');

    // Public access: the four switches by their Spanish names, and the account's (AWS only here).
    await open('Acceso público', 'Acceso público');
    await expect(dialog.getByLabel('Bloquear ACL públicas')).toBeVisible();
    await expect(dialog.getByLabel('Restringir buckets públicos')).toBeVisible();
    await expect(dialog.getByTestId('public-badge').first()).toHaveText('No público');
    await expect(dialog.getByText('La configuración de nivel de cuenta solo existe en AWS.')).toBeVisible();
    await shoot(app, 'bucket-public-es');

    // Website hosting: the modes and the fields of a site.
    await open('Alojamiento de sitios web', 'Alojamiento de sitios web estáticos');
    await expect(dialog.getByTestId('website-state')).toHaveText('Desactivado');
    await dialog.getByRole('radio', { name: 'Alojar un sitio web' }).check();
    await expect(dialog.getByLabel('Documento de índice')).toHaveValue('index.html');
    await dialog.getByRole('button', { name: 'Añadir regla de redirección' }).click();
    await expect(dialog.getByRole('group', { name: 'Regla de redirección 1' }).getByTestId('rule-summary')).toHaveText(
      'Todas las solicitudes se redirigen sin el prefijo (301).',
    );
    await shoot(app, 'bucket-website-es');
    await dialog.getByRole('button', { name: 'Cifrado predeterminado' }).click();
    // Leaving with unsaved edits asks first, in Spanish.
    const ask = page.getByRole('alertdialog', { name: '¿Guardar los cambios?' });
    await expect(ask).toContainText('Los cambios en «Alojamiento de sitios web» todavía no se han guardado.');
    await shoot(app, 'bucket-unsaved-es');
    await ask.getByRole('button', { name: 'Descartar' }).click();

    // Default encryption.
    await expect(heading).toHaveText('Cifrado predeterminado');
    await expect(dialog.getByRole('combobox', { name: 'Cifrado' })).toBeVisible();
    await shoot(app, 'bucket-encryption-es');

    // Lifecycle with a rule: its form and its summary as one Spanish sentence.
    await open('Reglas de ciclo de vida', 'Reglas de ciclo de vida');
    await expect(dialog.getByText('No hay reglas: los objetos se quedan donde están hasta que alguien los elimine.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Añadir regla' }).click();
    const rule = dialog.getByRole('group', { name: 'Regla de ciclo de vida 1' });
    await rule.getByRole('button', { name: 'Añadir transición' }).click();
    await rule.getByLabel('Eliminar objetos').fill('365');
    await expect(rule.getByTestId('rule-summary')).toHaveText(
      'Todos los objetos pasan a Estándar-IA después de 30 días y se eliminan después de 365 días; las cargas multiparte incompletas se cancelan después de 7 días.',
    );
    await expect(rule.getByRole('button', { name: 'Quitar la regla de ciclo de vida 1' })).toBeVisible();
    await shoot(app, 'bucket-lifecycle-es');
    await rule.getByLabel('Eliminar objetos').fill('0');
    await expect(rule.getByText('Escribe 1 día o más.')).toBeVisible();
    await expect(dialog.getByText('Corrige los campos marcados arriba para guardar.')).toBeVisible();
    await shoot(app, 'bucket-lifecycle-problem-es');
    await rule.getByLabel('Eliminar objetos').fill('365');
    await dialog.getByRole('button', { name: 'Guardar reglas' }).click();
    await expect(dialog.getByText('Guardado.')).toBeVisible();

    // Bucket policy: a problem in Spanish while typing.
    await open('Política de bucket', 'Política de bucket');
    await dialog.getByLabel('Política (JSON)').fill('{"Statement":[{"Effect":"Maybe"}]}');
    await expect(dialog.getByText('Instrucción 1: "Effect" debe ser "Allow" o "Deny".')).toBeVisible();
    await shoot(app, 'bucket-policy-es');
    await dialog.getByRole('button', { name: 'CORS', exact: true }).click();
    await page.getByRole('alertdialog', { name: '¿Guardar los cambios?' }).getByRole('button', { name: 'Descartar' }).click();

    // CORS with a rule and its summary.
    await expect(heading).toHaveText('CORS');
    await dialog.getByRole('button', { name: 'Añadir regla' }).click();
    const cors = dialog.getByRole('group', { name: 'Regla CORS 1' });
    await cors.getByLabel('Orígenes permitidos').fill('https://app.example.com');
    await expect(cors.getByTestId('rule-summary')).toHaveText(
      'Las páginas de https://app.example.com pueden enviar solicitudes GET y HEAD, y los navegadores lo recuerdan durante 3000 segundos.',
    );
    await shoot(app, 'bucket-cors-es');
    await dialog.getByRole('button', { name: 'Descartar cambios' }).click();

    // Tags.
    await open('Etiquetas', 'Etiquetas');
    await dialog.getByRole('button', { name: 'Añadir etiqueta' }).click();
    await dialog.getByLabel('Clave de la etiqueta 1').fill('equipo');
    await dialog.getByLabel('Valor de la etiqueta 1').fill('datos');
    await dialog.getByRole('button', { name: 'Guardar etiquetas' }).click();
    await expect(dialog.getByText('Guardado.')).toBeVisible();
    await shoot(app, 'bucket-tags-es');

    // Server access logging: RGW reads it as off and refuses turning it on, in Spanish.
    await open('Registro de acceso', 'Registro de acceso al servidor');
    await expect(dialog.getByTestId('logging-state')).toHaveText('Desactivado');
    await dialog.getByLabel('Registrar las solicitudes a este bucket').check();
    await dialog.getByLabel('Bucket de destino').fill(bucket);
    await expect(dialog.getByText(/^Los registros se escribirían en el mismo bucket que describen/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Guardar registro' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Este servidor no admite el registro de acceso al servidor.');
    await shoot(app, 'bucket-logging-es');
    await dialog.getByRole('button', { name: 'Pago por solicitante' }).click();
    await page.getByRole('alertdialog', { name: '¿Guardar los cambios?' }).getByRole('button', { name: 'Descartar' }).click();

    // Requester pays.
    await expect(heading).toHaveText('Pago por solicitante');
    await expect(dialog.getByTestId('requester-pays-state')).toHaveText('Paga el propietario del bucket');
    await expect(dialog.getByRole('button', { name: 'Activar el pago por solicitante' })).toBeVisible();
    await shoot(app, 'bucket-requester-pays-es');

    // Deleting the bucket: the count and the confirmation in Spanish.
    await dialog.getByRole('button', { name: 'Eliminar bucket…' }).click();
    const remove = page.getByRole('alertdialog', { name: `¿Eliminar el bucket «${bucket}»?` });
    await expect(remove.getByTestId('empty-count')).toHaveText(
      'El bucket no está vacío: contiene 1 versión de objeto y 0 marcadores de eliminación. «Vaciar y eliminar» los elimina todos de forma permanente.',
    );
    await expect(remove.getByRole('button', { name: 'Vaciar y eliminar' })).toBeDisabled();
    await shoot(app, 'bucket-delete-es');
    await remove.getByRole('button', { name: /Cancel/ }).click();
    await dialog.getByRole('button', { name: 'Listo' }).click();
    await expect(dialog).toBeHidden();
  } finally {
    await removeBucket(s3, bucket).catch(() => undefined);
  }
});

test('creating a bucket, an object’s versions, properties and share link speak Spanish', async ({ app }) => {
  const { page, servers } = app;
  const s3 = testS3Client(servers);
  const bucket = uniqueBucketName('e2e-es-obj');
  await createBucketWith(s3, bucket, { 'notas.txt': 'hola' });
  try {
    await connectLocalS3Spanish(app);
    await expect(row(page, `/${bucket}/`)).toBeVisible();

    // A new bucket: the name is checked as you type, in Spanish.
    await page.getByRole('button', { name: /^(New bucket|Nuevo bucket)…?$/ }).first().click();
    const create = page.getByRole('dialog', { name: 'Nuevo bucket' });
    await create.getByRole('textbox').first().fill('MiBucket');
    await expect(create.getByTestId('bucket-name-check')).toHaveText('Los nombres de bucket no pueden contener letras mayúsculas.');
    await expect(create.getByText('Bloquear todo el acceso público (recomendado)')).toBeVisible();
    await shoot(app, 'bucket-create-es');
    await create.getByRole('button', { name: /^Cancel/ }).click();

    // The object's versions.
    await row(page, `/${bucket}/`).dblclick();
    await row(page, `/${bucket}/notas.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Mostrar versiones' }).click();
    const versions = page.getByRole('dialog', { name: 'Versiones de «notas.txt»' });
    await expect(versions.getByRole('columnheader', { name: 'ID de versión' })).toBeVisible();
    await expect(versions.getByText('— (antes del control de versiones)')).toBeVisible();
    await shoot(app, 'bucket-versions-es');
    await versions.getByRole('button', { name: 'Listo' }).click();

    // Properties: headers, metadata and tags.
    await row(page, `/${bucket}/notas.txt`).click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^(Properties…|Propiedades…)$/ }).click();
    const props = page.getByRole('dialog', { name: 'notas.txt' });
    await expect(props.getByText('Tipo de contenido')).toBeVisible();
    await props.getByRole('button', { name: 'Añadir metadatos' }).click();
    await expect(props.getByLabel('Nombre de metadatos 1')).toBeVisible();
    await props.getByLabel('Nombre de metadatos 1').fill('equipo');
    await expect(props.getByText(/^Al guardar los encabezados o los metadatos, el objeto se copia sobre sí mismo/)).toBeVisible();
    await shoot(app, 's3-properties-es');

    // The share link from there.
    await props.getByRole('button', { name: 'Compartir…' }).click();
    const share = page.getByRole('dialog', { name: 'Compartir enlace' });
    await expect(share.getByLabel('URL prefirmada')).not.toHaveValue('');
    await expect(share.getByText(/^Válida hasta el /)).toBeVisible();
    await shoot(app, 's3-share-es');
    await share.getByRole('button', { name: 'Cerrar' }).click();
  } finally {
    await removeBucket(s3, bucket).catch(() => undefined);
  }
});
