import { connectSftp } from './actions.js';
import { expect, test } from './fixtures.js';
import { fingerprintOf, savedOtherHostKey } from './hostKeyScenes.js';

test('SFTP: a changed host key is refused with what changed, that it may be an attack, and how to remove the old entry', async ({ app }) => {
  const { page, servers } = app;
  const sftp = servers.sftp;
  const { other, knownHosts } = await savedOtherHostKey(app);

  await connectSftp(page, { name: 'Rebuilt', host: sftp.host, port: sftp.port, user: sftp.username, password: sftp.password });
  const dialog = page.getByRole('dialog', { name: 'Host key changed' });
  await expect(dialog).toContainText(
    `The host key of ${sftp.host}:${sftp.port} has changed from ssh-ed25519 ${fingerprintOf(`${other}.pub`)} (the key saved for it) ` +
      `to ssh-ed25519 ${fingerprintOf(sftp.hostKeyPub)} (the key the server shows now). This may be an attack`,
  );
  await expect(dialog).toContainText(`ssh-keygen -R "[${sftp.host}]:${sftp.port}" -f "${knownHosts}"`);
  await expect(dialog).not.toContainText(/expired|not trusted yet/);
  // The shot once the dialogs have finished fading in and out.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)),
  );
  await app.screenshot('sftp-host-key-changed');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
