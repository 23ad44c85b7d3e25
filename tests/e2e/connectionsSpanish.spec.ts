/**
 * Connecting in Spanish: the new-connection form (S3 and SFTP, with its checks), the question
 * about an unknown host key, the prompt after the server refused the password, and the
 * explanation shown when there is no OS keychain, photographed in light and dark (`*-es.png`)
 * to check that the longer words fit.
 */
import { bothThemes } from './browserScenes.js';
import { expect, test } from './fixtures.js';
import { savedOtherHostKey } from './hostKeyScenes.js';

test.use({ locale: 'es-ES' });

test('the connection form, the host key question and the refused password speak Spanish', async ({ app }) => {
  const { page, servers } = app;
  await page.getByRole('button', { name: 'Nueva conexión' }).first().click();
  const form = page.getByRole('dialog', { name: 'Nueva conexión' });

  // S3, saved empty: every check says what is missing, in Spanish, beside its field.
  await form.getByRole('radio', { name: 'S3' }).check();
  await form.getByLabel('Punto de enlace', { exact: true }).selectOption({ label: 'Punto de enlace personalizado' });
  await form.getByLabel('URL del punto de enlace').fill('ftp://no-es-http');
  await form.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(form).toContainText('Ponle un nombre a la conexión');
  await expect(form).toContainText('El punto de enlace debe ser una URL http:// o https://');
  await expect(form).toContainText('Escribe un ID de clave de acceso');
  await expect(form).toContainText('Escribe la clave de acceso secreta');
  await expect(form.getByLabel('Direccionamiento de estilo ruta')).toBeVisible();
  await expect(form.getByLabel('Clase de almacenamiento de las cargas')).toBeVisible();
  await expect(form).toContainText('Se guarda cifrado en este equipo.');
  await bothThemes(app, 'connection-form-s3', '-es');

  // SFTP: its own fields and checks.
  await form.getByRole('radio', { name: 'SFTP' }).check();
  await form.getByLabel('Puerto').fill('99999');
  await form.getByRole('button', { name: 'Guardar', exact: true }).click();
  await expect(form).toContainText('Escribe un nombre de host');
  await expect(form).toContainText('Escribe un nombre de usuario');
  await form.getByLabel('Autenticación').selectOption({ label: 'Archivo de clave privada' });
  await expect(form.getByRole('button', { name: 'Elegir…' })).toBeVisible();
  await expect(form).toContainText('Escribe la ruta de tu archivo de clave privada');
  await bothThemes(app, 'connection-form-sftp', '-es');

  // A real login with a wrong password: first the unknown host key, then the refusal.
  await form.getByLabel('Autenticación').selectOption({ label: 'Contraseña' });
  await form.getByLabel('Nombre', { exact: true }).fill('Servidor de pruebas');
  await form.getByLabel('Host').fill(servers.sftp.host);
  await form.getByLabel('Puerto').fill(String(servers.sftp.port));
  await form.getByLabel('Usuario').fill(servers.sftp.username);
  await form.getByLabel('Contraseña', { exact: true }).fill('contraseña-equivocada');
  await form.getByRole('button', { name: 'Guardar y conectar' }).click();

  const question = page.getByRole('dialog', { name: 'Host desconocido' });
  await expect(question).toContainText('No se puede establecer la autenticidad de este host.');
  await expect(question).toContainText('Huella digital');
  await expect(question).toContainText('Tipo de clave');
  await expect(question.getByRole('button', { name: 'Confiar esta vez' })).toBeVisible();
  await bothThemes(app, 'connection-host-key', '-es');
  // Saved, so the second login (with the password typed again) is not asked about the key again.
  await question.getByRole('button', { name: 'Confiar y guardar' }).click();

  const prompt = page.getByRole('dialog', { name: 'Conectar con Servidor de pruebas' });
  await expect(prompt.getByRole('alert')).toHaveText(
    'El servidor rechazó las credenciales. El nombre de usuario o la contraseña no son correctos. Vuelve a escribir la contraseña.',
  );
  await expect(prompt.getByLabel('Guardar', { exact: true })).toBeChecked();
  await expect(prompt).toContainText('Se guarda cifrado en este equipo cuando el servidor lo acepte.');
  await bothThemes(app, 'connection-refused-secret', '-es');

  // The right password, typed again, connects.
  await prompt.getByLabel('Contraseña', { exact: true }).fill(servers.sftp.password);
  await prompt.getByRole('button', { name: 'Conectar' }).click();
  await expect(prompt).toBeHidden();
  await expect(form).toBeHidden();
  await expect(page.locator('.conn-item', { hasText: 'Servidor de pruebas' }).locator('.conn-dot.connected')).toBeVisible();
});

test('a changed host key is refused in Spanish, the command to remove the old entry shown apart', async ({ app }) => {
  const { page, servers } = app;
  const sftp = servers.sftp;
  const { knownHosts } = await savedOtherHostKey(app);

  await page.getByRole('button', { name: 'Nueva conexión' }).first().click();
  const form = page.getByRole('dialog', { name: 'Nueva conexión' });
  await form.getByRole('radio', { name: 'SFTP' }).check();
  await form.getByLabel('Nombre', { exact: true }).fill('Reinstalado');
  await form.getByLabel('Host').fill(sftp.host);
  await form.getByLabel('Puerto').fill(String(sftp.port));
  await form.getByLabel('Usuario').fill(sftp.username);
  await form.getByLabel('Contraseña', { exact: true }).fill(sftp.password);
  await form.getByRole('button', { name: 'Guardar y conectar' }).click();

  const dialog = page.getByRole('dialog', { name: 'La clave de host cambió' });
  await expect(dialog).toContainText(`La clave de host de ${sftp.host}:${sftp.port} cambió de ssh-ed25519`);
  await expect(dialog).toContainText('Puede ser un ataque');
  await expect(dialog.locator('p.selectable')).toHaveText(/vuelve a conectarte:$/);
  await expect(dialog.locator('code.command')).toHaveText(`ssh-keygen -R "[${sftp.host}]:${sftp.port}" -f "${knownHosts}"`);
  await expect(dialog).toContainText('Clave guardada');
  await expect(dialog).toContainText('Clave que ofrece ahora');
  await bothThemes(app, 'connection-host-key-changed', '-es');
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await expect(dialog).toBeHidden();
});

test.describe('without an OS keychain', () => {
  test.use({ weakSecretBox: true });

  test('the form says in Spanish why no secret is saved, and the saved connection’s panel speaks Spanish', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Nueva conexión' }).first().click();
    const form = page.getByRole('dialog', { name: 'Nueva conexión' });
    await expect(form.getByLabel('Recordar el secreto')).toBeDisabled();
    const why = form.getByText('Stowage no guarda secretos en este equipo: no hay ningún llavero del sistema disponible (basic_text)', { exact: false });
    // The form scrolls (its buttons stay put): the explanation is at its end.
    await form.evaluate((dialog) => dialog.scrollTo(0, dialog.scrollHeight));
    await expect.poll(() => form.evaluate((dialog) => dialog.scrollTop)).toBeGreaterThan(0);
    await expect(why).toContainText('Para guardar secretos, configura un llavero como GNOME Keyring o KWallet.');
    await bothThemes(app, 'connection-form-weak', '-es');

    // Saved without connecting: its panel says what it is and that the password is asked for.
    await form.getByRole('radio', { name: 'SFTP' }).check();
    await form.getByLabel('Nombre', { exact: true }).fill('Servidor sin llavero');
    await form.getByLabel('Host').fill('sftp.example.com');
    await form.getByLabel('Usuario').fill('ana');
    await form.getByRole('button', { name: 'Guardar', exact: true }).click();
    await expect(form).toBeHidden();
    const panel = page.locator('.connect-card');
    for (const text of ['Protocolo', 'Servidor', 'ana@sftp.example.com', 'Autenticación', 'Contraseña', 'Secreto', 'Se pide al conectar']) {
      await expect(panel).toContainText(text);
    }
    await expect(panel.getByRole('button', { name: 'Conectar' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Editar…' })).toBeVisible();
    await bothThemes(app, 'connection-panel', '-es');
  });
});
