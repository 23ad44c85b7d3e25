// SIGKILL of the core process during an SFTP upload, then a new core process on the same
// data folder: the job is still there, resumes, and the server's file ends byte-identical
// with no `.stowage-part` beside it (or the job clearly fails); and the new core sends at
// most what lies past the offset it had checkpointed (plus the SSH session's own bytes).
// The core talks to the real sshd through a relay that counts the bytes each way.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { startCountingTcpRelay, type CountingTcpRelay } from '../support/countingTcpRelay.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';
import {
  buildCoreProcess,
  bytesMatching,
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
  writeRandomFile,
} from './crashHarness.js';

const sftp = readTestbedEnv().sftp;
const secretBox = createHeadlessSecretBox();
const size = 64 * MiB + 7;

type Moment = (h: CrashableCore, watch: JobWatch, id: string, folder: string) => Promise<void>;

describe('SIGKILL of the core process during an SFTP upload, then a new core process on the same data', () => {
  let work: TempDir;
  let modulePath: string;
  let relay: CountingTcpRelay;
  let source: string;
  let sha: string;

  beforeAll(async () => {
    work = await makeTempDir('fault-sftp-up');
    modulePath = await buildCoreProcess(work.path);
    relay = await startCountingTcpRelay(sftp.host, sftp.port);
    source = join(work.path, 'data.bin');
    await writeRandomFile(source, size);
    sha = (await sha256File(source))!;
  });
  afterAll(async () => {
    await relay?.close();
    await work?.remove();
  });

  async function crashSftpUpload(name: string, moment: Moment) {
    await faultCase(name, async (run) => {
      const folder = await sftpFolder(sftp, 'fault-up');
      const target = join(folder, 'data.bin');
      const part = join(folder, '.data.bin.stowage-part');
      run.countOrphans = async () => (await readdir(folder)).filter((n) => n.endsWith('.stowage-part')).length;
      run.afterwards(() => rm(folder, { recursive: true, force: true }));
      const c = await startCaseCore(run, { modulePath, secretBox, draft: sftpDraft(sftp, relay.port), settings: { uploadLimit: 16 * MiB, retries: 2, conflictPolicy: 'overwrite' } });
      const { h, dataDir } = c;
      const watch = h.watchJobs();
      const [t] = await h.call('transfers:upload', { connectionId: c.connectionId, localPaths: [source], remoteFolder: folder });
      await moment(h, watch, t!.id, folder);

      // What the dead process left: the file in place, or a part whose checkpointed prefix holds the source's bytes.
      const checkpoint = (await savedJob(dataDir, t!.id))?.checkpoint;
      const whole = (await sha256File(target)) === sha || (await sha256File(part)) === sha;
      const offset = checkpoint?.['kind'] === 'offset' && typeof checkpoint['offset'] === 'number' ? checkpoint['offset'] : 0;
      const resumable = whole ? size : (await bytesMatching(part, source, [[0, offset]])) === offset ? offset : 0;
      const mark = relay.bytes();
      console.info(`${name}: killed pid ${h.pid}; ${whole ? 'the whole file was on the server' : `checkpointed offset ${offset}, ${resumable} bytes of it on the server`}`);

      const { back, done } = await restartAndFinish(c, t!.id, 90_000);
      const sent = relay.bytes().up - mark.up;
      console.info(`${name}: ${sent} bytes sent after the restart`);
      judgeOutcome(run, name, back, done, await sha256File(target), sha);
      if (done?.state === 'completed') {
        expect(await readdir(folder), 'nothing but the file on the server (no .stowage-part)').toEqual(['data.bin']);
      }
      expect(sent, `bytes sent after the restart (the ${size - resumable} past the checkpointed offset, and the session's own)`).toBeLessThanOrEqual(sshOverhead(size - resumable));
      // A failed job keeps its part for a retry; clearing it must leave nothing behind.
      if (done?.state === 'failed') await h.call('transfers:cancel', { ids: [t!.id] });
    });
  }

  it('start: killed 100 ms after the upload turned running', async () => {
    await crashSftpUpload('crash: SFTP upload, start', (h, watch, id) => moments.start(h, watch, id, 100));
  });

  it('middle: killed when half the bytes are on the server', async () => {
    await crashSftpUpload('crash: SFTP upload, middle', (h, watch, id) => moments.middle(h, watch, id, size));
  });

  it('end: killed as the finished part is renamed into place', async () => {
    await crashSftpUpload('crash: SFTP upload, end', (h, watch, id, folder) => moments.end(h, watch, id, folder, 'data.bin'));
  });
});
