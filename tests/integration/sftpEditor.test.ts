import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SftpSession } from '../../electron/core/sftp/index.js';
import { openSftpSession } from '../../electron/core/sftp/openSftpSession.js';
import { recordingEditor, type RecordingEditor } from '../support/recordingEditor.js';
import { makeTempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv().sftp;

describe('open in local editor, upload on save (real sshd)', () => {
  let session: SftpSession;
  let folder: string;
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let editor: RecordingEditor['editor'];
  let events: RecordingEditor['events'];
  let opened: RecordingEditor['opened'];
  let nextEvent: RecordingEditor['nextEvent'];

  beforeAll(async () => {
    session = await openSftpSession({
      host: env.host,
      port: env.port,
      username: env.username,
      auth: { kind: 'password', password: env.password },
      hostKey: () => 'accept',
    });
    folder = join(env.home, `stowage-edit-${process.pid}-${Date.now().toString(36)}`);
    await mkdir(folder);
    execFileSync('chown', [`${env.username}:${env.username}`, folder]);
    temp = await makeTempDir('sftp-edit');
    ({ editor, events, opened, nextEvent } = recordingEditor(() => session, temp.path));
  });
  afterAll(async () => {
    await editor.stopAll();
    await session.close();
    await rm(folder, { recursive: true, force: true });
    await temp.remove();
  });

  async function remoteFile(name: string, text: string): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, text);
    execFileSync('chown', [`${env.username}:${env.username}`, path]);
    // A second in the past, so a change made "now" always shows in the (whole-second) mtime.
    const past = new Date(Date.now() - 5000);
    await utimes(path, past, past);
    return path;
  }


  it('downloads a temp copy, opens it, and uploads each save (in place and by rename)', async () => {
    const remote = await remoteFile('notes ✓.txt', 'first version\n');
    const edit = await editor.open('c1', remote);
    expect(opened.at(-1)).toBe(edit.localPath);
    expect(await readFile(edit.localPath, 'utf8')).toBe('first version\n');

    let from = events.length;
    await writeFile(edit.localPath, 'second version, longer\n');
    expect(await nextEvent(edit.editId, from)).toMatchObject({ state: 'uploaded', remotePath: remote });
    expect(await readFile(remote, 'utf8')).toBe('second version, longer\n');

    // Many editors save by writing another file and renaming it over the original.
    from = events.length;
    const side = join(edit.localPath, '..', '.notes.swp');
    await writeFile(side, 'third\n');
    await rename(side, edit.localPath);
    expect(await nextEvent(edit.editId, from)).toMatchObject({ state: 'uploaded' });
    expect(await readFile(remote, 'utf8')).toBe('third\n');

    await editor.stop(edit.editId);
    expect(existsSync(edit.localPath)).toBe(false);
  });

  it('does not overwrite a change made on the server meanwhile, and says so', async () => {
    const remote = await remoteFile('shared.txt', 'original\n');
    const edit = await editor.open('c1', remote);
    await writeFile(remote, 'a colleague changed this\n');
    const from = events.length;
    await writeFile(edit.localPath, 'my edit\n');
    const event = await nextEvent(edit.editId, from);
    expect(event).toMatchObject({ state: 'conflict' });
    expect(event.state === 'conflict' && event.message).toMatch(/changed on the server after you opened it/);
    expect(await readFile(remote, 'utf8')).toBe('a colleague changed this\n');
    expect(await readFile(edit.localPath, 'utf8')).toBe('my edit\n');
    await editor.stop(edit.editId);
  });

  it('does not write back a file deleted on the server meanwhile', async () => {
    const remote = await remoteFile('deleted.txt', 'original\n');
    const edit = await editor.open('c1', remote);
    await rm(remote);
    const from = events.length;
    await writeFile(edit.localPath, 'my edit\n');
    const event = await nextEvent(edit.editId, from);
    expect(event.state === 'conflict' && event.message).toMatch(/^deleted\.txt was deleted on the server after you opened it/);
    expect(existsSync(remote)).toBe(false);
    await editor.stop(edit.editId);
  });

  it('refuses folders and says what is missing', async () => {
    await expect(editor.open('c1', folder)).rejects.toMatchObject({ kind: 'invalidInput' });
    await expect(editor.open('c1', join(folder, 'nope.txt'))).rejects.toMatchObject({ kind: 'notFound' });
  });
});
