import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { StowageApi } from '../../../shared/api.js';
import { dragOutChannel } from '../../../shared/contract/transfers.js';
import type { FakeElectron } from '../electron/fakeElectron.js';
import type { FakeBrowserWindow } from '../electron/fakeWindows.js';
import type { Checks } from '../harness.js';
import type { SmokeContext } from '../startApp.js';
import { connectTinyS3, startTinyS3 } from '../tinyS3.js';

const content = 'dragged out of Stowage\n';

/** A real drag-out: the core downloads from a loopback S3, then the page starts the OS drag. */
export async function dragOutChecks(checks: Checks, electron: FakeElectron, win: FakeBrowserWindow, api: StowageApi | undefined, ctx: SmokeContext): Promise<void> {
  const s3 = await startTinyS3('smoke', { 'reports/summary.txt': content });
  try {
    let connectionId = '';
    await checks.check('an S3 connection saves and connects through main and the core process', async () => {
      assert.ok(api);
      connectionId = await connectTinyS3(api, s3, 'Loopback S3');
    });

    await checks.check('a drag-out starts the OS drag with the downloaded file and a non-empty icon', async () => {
      assert.ok(api);
      const prepared = await api.local.prepareDragOut({ connectionId, remotePaths: ['/smoke/reports/summary.txt'] });
      assert.ok(prepared.ok, JSON.stringify(prepared));
      const paths = prepared.value.map((item) => item.localPath);
      assert.equal(readFileSync(paths[0]!, 'utf8'), content);
      api.local.startDragOut(paths);
      const [drag] = win.webContents.drags;
      assert.ok(drag, 'startDrag was not called (or threw)');
      assert.deepEqual(drag.files ?? [drag.file], paths);
      assert.equal(drag.icon.isEmpty(), false, 'the drag icon is empty');
      assert.ok(drag.icon.path && ctx.staged.stagedPath(drag.icon.path), `the drag icon ${drag.icon.path} is not in the installer`);
    });

    await checks.check('a drag of a path main did not prepare, or from another page, never starts', () => {
      const before = electron.journal.all('webContents.startDrag').length;
      electron.send(dragOutChannel, win.webContents, win.webContents.mainFrame, { paths: ['/etc/passwd'] });
      const foreign = electron.extraContents();
      foreign.url = 'https://evil.example/';
      const prepared = win.webContents.drags[0]?.files ?? [];
      electron.send(dragOutChannel, foreign, foreign.mainFrame, { paths: prepared });
      assert.equal(electron.journal.all('webContents.startDrag').length, before);
    });
  } finally {
    await s3.close();
  }
}
