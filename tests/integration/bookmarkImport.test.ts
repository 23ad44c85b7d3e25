import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/createCore.js';
import type { ImportPreview } from '../../shared/bookmarkImport.js';
import type { ConnectOutcome } from '../../shared/connections.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';
import { coreClient, failureOf } from '../support/coreClient.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';
import { readTestbedEnv } from '../support/testbedEnv.js';

const env = readTestbedEnv();
const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
/** Every secret the fixtures hold, as the files give them once revealed. */
const secrets = [env.sftp.password, env.s3.secretAccessKey, 'NAS-secret-key/42', 'key-passphrase'];

describe('importing bookmarks of other tools into the real core, then connecting them', () => {
  let work: TempDir;
  let core: Core;
  const said: string[] = [];
  const spies: { mockRestore(): void }[] = [];
  let call: ReturnType<typeof coreClient>;

  beforeAll(async () => {
    work = await makeTempDir('bookmark-import');
    // Whatever the core logs or prints, and every event it sends, is kept to look for secrets in.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void said.push(args.map(String).join(' '))));
    }
    core = await createCore(
      {
        dataDir: join(work.path, 'data'),
        homeDir: work.path,
        appVersion: '0.0.0-test',
        platform: process.platform,
        secretBox: createHeadlessSecretBox(),
        dialogs: { chooseFolder: async () => null },
        env: { ...process.env, HOME: work.path },
      },
      (line) => said.push(line),
    );
    core.events.subscribe((channel, payload) => said.push(`${channel} ${JSON.stringify(payload)}`));
    call = coreClient(core);
  });
  afterAll(async () => {
    await core?.shutdown();
    for (const spy of spies) spy.mockRestore();
    await work?.remove();
  });

  let preview: ImportPreview;

  it('previews FileZilla and rclone files without a secret in the answer, duplicates marked', async () => {
    preview = await call('connections:previewImport', { paths: [join(fixtures, 'sitemanager.xml'), join(fixtures, 'rclone.conf'), join(fixtures, 'hostile/billion-laughs.xml')] });
    said.push(JSON.stringify(preview));
    const text = JSON.stringify(preview);
    for (const secret of secrets) expect(text).not.toContain(secret);

    const zilla = preview.bookmarks.find((b) => b.name === 'Zilla SFTP')!;
    expect(zilla).toMatchObject({ source: 'filezilla', protocol: 'sftp', host: '127.0.0.1', port: 2222, user: 'sftptest', path: '/home/sftptest', hasSecret: true });
    expect(zilla.duplicateOf).toBeUndefined();
    const rgw = preview.bookmarks.find((b) => b.name === 'rgw')!;
    expect(rgw).toMatchObject({ source: 'rclone', protocol: 's3', host: '127.0.0.1', port: 7480, user: env.s3.accessKeyId, hasSecret: true });
    // rclone's "box" is the same server, user and no start folder: not the FileZilla site (it has one), so not a duplicate.
    expect(preview.bookmarks.find((b) => b.name === 'box')!.duplicateOf).toBeUndefined();
    // "box-key" repeats "box" (same protocol, host, port, user and path): marked as such.
    expect(preview.bookmarks.find((b) => b.name === 'box-key')!.duplicateOf).toBe('box');
    expect(preview.skipped.map((s) => s.name)).toEqual(['Shop FTP', 'Docs WebDAV', 'secret', 'public', 'drive']);
    expect(preview.problems).toEqual([
      {
        path: join(fixtures, 'hostile/billion-laughs.xml'),
        reason: { key: 'coreConnections:import.xmlEntities', params: { file: join(fixtures, 'hostile/billion-laughs.xml') } },
      },
    ]);
  });

  let ids: { zilla: string; rgw: string };

  it('saves the ticked rows with their secrets sealed on disk', async () => {
    const chosen = preview.bookmarks.filter((b) => b.name === 'Zilla SFTP' || b.name === 'rgw').map((b) => b.id);
    expect(await call('connections:commitImport', { previewId: preview.previewId, ids: chosen })).toEqual({ imported: 2 });
    const list = await call('connections:list', {});
    expect(list.map((c) => c.name).sort()).toEqual(['Zilla SFTP', 'rgw']);
    ids = { zilla: list.find((c) => c.name === 'Zilla SFTP')!.id, rgw: list.find((c) => c.name === 'rgw')!.id };
    for (const c of list) expect(c).toMatchObject({ hasSavedSecret: true, needsSecretAtConnect: false });

    const onDisk = await readFile(join(work.path, 'data', 'connections.json'), 'utf8');
    for (const secret of secrets) expect(onDisk).not.toContain(secret);
    const body = JSON.parse(onDisk) as { sealedSecrets: Record<string, string> };
    expect(Object.keys(body.sealedSecrets).sort()).toEqual([ids.zilla, ids.rgw].sort());

    // A preview is committed once: its secrets are gone from the core.
    expect((await failureOf(call('connections:commitImport', { previewId: preview.previewId, ids: chosen }))).code).toBe('coreConnections:import.previewGone');
  });

  it('connects the imported SFTP bookmark to the running sshd and the S3 one to the running RGW', async () => {
    let outcome: ConnectOutcome = await call('connections:connect', { id: ids.zilla });
    while (outcome.state === 'hostKeyPrompt') {
      outcome = await call('connections:answerHostKey', { promptId: outcome.prompt.promptId, decision: 'trustOnce' });
    }
    expect(outcome).toMatchObject({ state: 'connected' });
    const home = await call('fs:list', { connectionId: ids.zilla, path: '/home/sftptest' });
    expect(Array.isArray(home.entries)).toBe(true);

    expect(await call('connections:connect', { id: ids.rgw })).toMatchObject({ state: 'connected' });
    const buckets = await call('fs:list', { connectionId: ids.rgw, path: '/' });
    expect(Array.isArray(buckets.entries)).toBe(true);
  });

  it('marks the imported ones as duplicates on a second preview, and never logged a secret', async () => {
    const again = await call('connections:previewImport', { paths: [join(fixtures, 'sitemanager.xml'), join(fixtures, 'rclone.conf')] });
    said.push(JSON.stringify(again));
    expect(again.bookmarks.find((b) => b.name === 'Zilla SFTP')!.duplicateOf).toBe('Zilla SFTP');
    expect(again.bookmarks.find((b) => b.name === 'rgw')!.duplicateOf).toBe('rgw');
    expect(again.bookmarks.find((b) => b.name === 'NAS store')!.duplicateOf).toBeUndefined();
    const everything = said.join('\n');
    expect(everything).toContain('connections:changed');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
