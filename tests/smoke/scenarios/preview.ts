import assert from 'node:assert/strict';
import type { StowageApi } from '../../../shared/api.js';
import type { FakeElectron } from '../electron/fakeElectron.js';
import type { Checks } from '../harness.js';
import { connectTinyS3, startTinyS3 } from '../tinyS3.js';

const picture = 'not really a PNG, but 40 bytes of one..';

/** Quick Look through main: a text head over IPC, and a media grant streamed by main's app protocol from the core. */
export async function previewChecks(checks: Checks, electron: FakeElectron, api: StowageApi | undefined): Promise<void> {
  const s3 = await startTinyS3('looks', { 'notes.md': '# Notes\n', 'pic.png': picture });
  try {
    let connectionId = '';
    await checks.check('Quick Look reads a text file through main and the core process', async () => {
      assert.ok(api);
      connectionId = await connectTinyS3(api, s3, 'Loopback S3 for previews');
      const text = await api.preview.open({ connectionId, path: '/looks/notes.md' });
      assert.ok(text.ok && text.value.kind === 'text', JSON.stringify(text));
      assert.equal(text.value.text, '# Notes\n');
    });

    await checks.check('the app protocol streams a preview grant from the core, whole and by range, until it is closed', async () => {
      assert.ok(api);
      const grant = await api.preview.open({ connectionId, path: '/looks/pic.png' });
      assert.ok(grant.ok && grant.value.kind === 'image', JSON.stringify(grant));
      const url = `app://stowage${grant.value.url}`;
      const whole = await electron.world.fetchPage(url);
      assert.equal(whole.status, 200);
      assert.equal(whole.headers.get('content-type'), 'image/png');
      assert.equal(await whole.text(), picture);
      const part = await electron.world.fetchPage(url, { headers: { range: 'bytes=4-9' } });
      assert.equal(part.status, 206);
      assert.equal(part.headers.get('content-range'), `bytes 4-9/${picture.length}`);
      assert.equal(await part.text(), picture.slice(4, 10));
      await api.preview.close({ token: grant.value.token });
      const closed = await electron.world.fetchPage(url);
      assert.equal(closed.status, 404);
      assert.equal(closed.headers.get('cache-control'), 'no-store');
      assert.equal((await electron.world.fetchPage('app://stowage/preview/..%2F..%2Fetc%2Fpasswd')).status, 404);
    });
  } finally {
    await s3.close();
  }
}
