/**
 * The IAM Identity Center sign-in in Spanish (recorded AWS responses): the code, the account
 * and role pickers and the form's row read as Spanish sentences, photographed light and dark
 * to check the longer words fit.
 */
import { bothThemes } from './browserScenes.js';
import { expect, test } from './fixtures.js';
import { corpSessionProfile, useRecordedSso, writeAwsConfig } from './ssoScenes.js';
import { recordedUserCode } from '../support/recordedSso.js';

test.use({ locale: 'es-ES' });

const recorded = useRecordedSso();

test('IAM Identity Center sign-in speaks Spanish and fits (recorded AWS responses)', async ({ app }) => {
  const { page } = app;
  await writeAwsConfig(app, corpSessionProfile);
  recorded().tokenAnswers.push('pending', 'pending');
  await page.locator('.sidebar-header button').first().click();
  const form = page.getByRole('dialog', { name: 'Nueva conexión' });
  await form.getByRole('radio', { name: 'S3' }).check();
  await form.getByLabel('Autenticación').selectOption({ label: 'Perfil de AWS' });
  await form.getByLabel('Perfil', { exact: true }).fill('corp');
  await expect(form).toContainText('El perfil no indica ninguno: inicia sesión para elegirlos.');
  await form.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();

  const signIn = page.getByRole('dialog', { name: 'Iniciar sesión en IAM Identity Center (corp)' });
  await expect(signIn.getByLabel('Código de inicio de sesión')).toHaveText(recordedUserCode);
  await expect(signIn).toContainText('Esperando tu aprobación en el navegador');
  await expect(signIn.getByRole('button', { name: 'Abrir la página de inicio de sesión' })).toBeVisible();
  await bothThemes(app, 'sso-code', '-es');
  await expect(signIn).toContainText('Sesión iniciada. Elige la cuenta y el rol que usa esta conexión.', { timeout: 15_000 });
  await expect(signIn.getByLabel('Rol')).toHaveValue('DataEngineer');
  await bothThemes(app, 'sso-pick', '-es');
  await signIn.getByRole('button', { name: 'Usar esta cuenta y este rol' }).click();
  await expect(form.locator('.sso-row-role')).toHaveText('DataEngineer');
  await expect(form.getByRole('button', { name: 'Volver a iniciar sesión' })).toBeVisible();
  await bothThemes(app, 'sso-form-signed-in', '-es');
});
