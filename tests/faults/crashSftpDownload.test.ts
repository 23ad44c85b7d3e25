// SIGKILL of the core process during an SFTP download, then a new core process on the same
// data folder: the job is still there, resumes, and the file ends byte-identical with no
// `.part` beside it (or the job clearly fails); and the new core fetches at most what lies
// past the offset it had checkpointed and verified on disk (plus the SSH session's own
// bytes). The core talks to the real sshd through a relay that counts the bytes each way.
import { copyFile, chown, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { startCountingTcpRelay, type CountingTcpRelay } from '../support/countingTcpRelay.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import {
  buildCoreProcess,
  CrashableCore,
  faultCase,
  JobWatch,
  judgeOutcome,
  MiB,
  moments,
  restartAndFinish,
  savedJob,
  sftpDraft,
  sftpFolder,
  sha256File,
  sshOverhead,
  startCaseCore,
  verifiedOnDisk,
  writeRandomFile,
} from './crashHarness.js';

const sftp = readTestbedEnv().sftp;
const secretBox = createHeadlessSecretBox();
const size = 64 * MiB + 11;

type Moment = (h: CrashableCore, watch: JobWatch, id: string, localPath: string) => Promise<void>;

describe('SIGKILL of the core process during an SFTP download, then a new core process on the same data', () => {
  let work: TempDir;
  let modulePath: string;
  let relay: CountingTcpRelay;
  let folder: string;
  let source: string;
  let sha: string;

  beforeAll(async () => {
    work = await makeTempDir('fault-sftp-down');
    modulePath = await buildCoreProcess(work.path);
    relay = await startCountingTcpRelay(sftp.host, sftp.port);
    source = join(work.path, 'data.bin');
    await writeRandomFile(source, size);
    sha = (await sha256File(source))!;
    folder = await sftpFolder(sftp, 'fault-down');
    const onServer = join(folder, 'data.bin');
    await copyFile(source, onServer);
    const { uid, gid } = await stat(folder);
    await chown(onServer, uid, gid);
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    await relay?.close();
    await work?.remove();
  });

  async function crashSftpDownload(name: string, moment: Moment) {
    await faultCase(name, async (run) => {
      // Nothing is uploaded: the server's folder holds only the source, which must stay alone.
      run.countOrphans = async () => (await readdir(folder)).filter((n) => n !== 'data.bin').length;
      const c = await startCaseCore(run, { modulePath, secretBox, draft: sftpDraft(sftp, relay.port), settings: { downloadLimit: 16 * MiB, retries: 2, conflictPolicy: 'overwrite' } });
      const { h, dataDir } = c;
      const into = join(c.caseDir, 'into');
      await mkdir(into);
      const watch = h.watchJobs();
      const [t] = await h.call('transfers:download', { connectionId: c.connectionId, remotePaths: [join(folder, 'data.bin')], localFolder: into });
      const target = t!.localPath;
      await moment(h, watch, t!.id, target);

      // What the dead process left: the bytes its checkpoint names that hold the source's bytes on disk.
      const onDisk = await verifiedOnDisk(target, source, sha, size, (await savedJob(dataDir, t!.id))?.checkpoint);
      const mark = relay.bytes();
      console.info(`${name}: killed pid ${h.pid}; ${onDisk.whole ? 'the whole file' : `${onDisk.bytes} bytes`} verified on disk`);

      const { back, done } = await restartAndFinish(c, t!.id, 90_000);
      const fetched = relay.bytes().down - mark.down;
      console.info(`${name}: ${fetched} bytes fetched after the restart`);
      judgeOutcome(run, name, back, done, await sha256File(target), sha);
      if (done?.state === 'completed') {
        expect(await readdir(into), 'nothing but the file beside it (no stray .part)').toEqual([t!.name]);
      }
      expect(fetched, `bytes fetched after the restart (the ${size - onDisk.bytes} not verified on disk, and the session's own)`).toBeLessThanOrEqual(sshOverhead(size - onDisk.bytes));
    });
  }

  it('start: killed 100 ms after the download turned running', async () => {
    await crashSftpDownload('crash: SFTP download, start', (h, watch, id) => moments.start(h, watch, id, 100));
  });

  it('middle: killed when half the bytes are on disk', async () => {
    await crashSftpDownload('crash: SFTP download, middle', (h, watch, id) => moments.middle(h, watch, id, size));
  });

  it('end: killed as the finished file is renamed into place', async () => {
    await crashSftpDownload('crash: SFTP download, end', (h, watch, id, localPath) => moments.end(h, watch, id, join(localPath, '..'), localPath.split('/').at(-1)!));
  });
});
