// Which SSH agent a login uses (platform and pipe injected), Pageant through a pagent.exe at a
// path of our choosing, and electron-builder shipping that pagent.exe outside the archive.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../electron/core/errors.js';
import { agentFor, agentSocketFor, openSshAgentPipe, PageantAgent, pageantExecutable, pageantExeInResources } from '../../electron/core/sftp/sshAgent.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const windows = (pipeUp: boolean) => ({ platform: 'win32' as const, pipeExists: (p: string) => pipeUp && p === openSshAgentPipe });
const linux = { platform: 'linux' as const, pipeExists: () => false };

describe('the agent a login uses', () => {
  it('is the connection\'s own socket first, then SSH_AUTH_SOCK, on every platform', () => {
    expect(agentSocketFor({ agentSocket: '/run/a.sock' }, { SSH_AUTH_SOCK: '/tmp/b' }, linux)).toBe('/run/a.sock');
    expect(agentSocketFor({}, { SSH_AUTH_SOCK: '/tmp/b' }, linux)).toBe('/tmp/b');
    expect(agentSocketFor({}, { SSH_AUTH_SOCK: 'C:\\Users\\me\\.ssh\\agent.sock' }, windows(true))).toBe('C:\\Users\\me\\.ssh\\agent.sock');
  });

  it('on Windows without SSH_AUTH_SOCK: the OpenSSH agent\'s pipe when it exists, else Pageant', () => {
    expect(openSshAgentPipe).toBe('\\\\.\\pipe\\openssh-ssh-agent');
    expect(agentSocketFor({}, {}, windows(true))).toBe(openSshAgentPipe);
    expect(agentSocketFor({}, {}, windows(false))).toBe('pageant');
  });

  it('elsewhere without SSH_AUTH_SOCK: says so, as an auth error', () => {
    let caught: unknown;
    try {
      agentSocketFor({}, {}, linux);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.kind === 'auth' && /SSH_AUTH_SOCK/.test(caught.message)).toBe(true);
  });

  it('hands ssh2 sockets and pipes by name, and Pageant as an agent spawning our pagent.exe', () => {
    expect(agentFor(openSshAgentPipe, 'win32', () => 'C:\\x\\pagent.exe')).toBe(openSshAgentPipe);
    expect(agentFor('pageant', 'linux')).toBe('pageant');
    const agent = agentFor('pageant', 'win32', () => 'C:\\Stowage\\resources\\pagent.exe');
    expect(agent).toBeInstanceOf(PageantAgent);
    expect((agent as PageantAgent).exePath).toBe('C:\\Stowage\\resources\\pagent.exe');
    expect(() => agentFor('pageant', 'win32', () => undefined)).toThrow(/pagent\.exe is missing/);
  });
});

describe('pagent.exe', () => {
  const resources = resolve('/opt/Stowage/resources');

  it('is the installed app\'s copy under process.resourcesPath, else ssh2\'s own', () => {
    const installed = join(resources, 'pagent.exe');
    expect(pageantExecutable(resources, (p) => p === installed, '/src/node_modules/ssh2/util/pagent.exe')).toBe(installed);
    expect(pageantExecutable(resources, (p) => p.startsWith('/src/'), '/src/node_modules/ssh2/util/pagent.exe')).toBe('/src/node_modules/ssh2/util/pagent.exe');
    expect(pageantExecutable(undefined, () => false, undefined)).toBeUndefined();
  });

  it('ships with the Windows installer outside the asar archive, where the core looks for it', async () => {
    const config = loadYaml(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as { win: Record<string, unknown> };
    // electron-builder's own resolution of the Windows extraResources into the app's resources folder.
    const { getFileMatchers } = require('app-builder-lib/out/fileMatcher.js');
    const matchers = getFileMatchers(config, 'extraResources', resources, {
      defaultSrc: root,
      macroExpander: (s: string) => s,
      customBuildOptions: config.win,
      globalOutDir: join(root, 'release'),
    }) as { from: string; to: string }[] | null;
    const pagent = (matchers ?? []).find((m) => m.to === join(resources, pageantExeInResources));
    expect(pagent, 'win.extraResources puts pagent.exe in resources/').toBeDefined();
    // The very file ssh2 ships (built by its author; nothing here compiles it), a file outside app.asar.
    expect(pagent!.from).toBe(join(root, 'node_modules/ssh2/util/pagent.exe'));
    expect(existsSync(pagent!.from)).toBe(true);
    expect(pageantExecutable(resources, (p) => p === pagent!.to, undefined)).toBe(pagent!.to);
  });
});

describe('the Pageant agent', () => {
  let work: TempDir;
  // A stand-in pagent.exe: records its argument and input, answers "no identities" (or fails like pagent.exe).
  const fakePagent = async (name: string, exitCode = 0) => {
    const path = join(work.path, name);
    const answer = exitCode ? '' : "printf '\\000\\000\\000\\005\\014\\000\\000\\000\\000'";
    await writeFile(path, `#!/bin/sh\necho "$1" > "$0.args"\ncat > "$0.in"\n${answer}\nexit ${exitCode}\n`);
    await chmod(path, 0o755);
    return path;
  };
  const identities = (agent: PageantAgent) =>
    new Promise<unknown[]>((ok, fail) => agent.getIdentities((error, keys) => (error ? fail(error) : ok(keys ?? []))));

  beforeAll(async () => {
    work = await makeTempDir('pagent');
  });
  afterAll(() => work.remove());

  it.skipIf(process.platform === 'win32')('spawns the given executable with the request length and reads the answer from it', async () => {
    const exe = await fakePagent('pagent-ok');
    expect(await identities(new PageantAgent(exe))).toEqual([]);
    // SSH2_AGENTC_REQUEST_IDENTITIES (11), length-prefixed: five bytes in all.
    expect((await readFile(`${exe}.args`, 'utf8')).trim()).toBe('5');
    expect([...(await readFile(`${exe}.in`))]).toEqual([0, 0, 0, 1, 11]);
  });

  it.skipIf(process.platform === 'win32')("turns pagent.exe's exit codes into words", async () => {
    await expect(identities(new PageantAgent(await fakePagent('pagent-down', 11)))).rejects.toThrow('Pageant is not running');
  });
});
