// The language setting lives in the core's data folder: a new core on the same data (the app
// started again) still has it, and app:info hands the renderer the system's languages too.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../support/headlessCore.js';
import { coreClient } from '../support/coreClient.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

describe('the language setting', () => {
  let dirs: TempDir[] = [];
  afterEach(async () => {
    await Promise.all(dirs.map((d) => d.remove()));
    dirs = [];
  });

  it('follows the system until set, is saved, and is there after a restart', async () => {
    const data = await makeTempDir('data');
    const home = await makeTempDir('home');
    dirs.push(data, home);
    const first = await createTestCore({ dataDir: data.path, homeDir: home.path, systemLanguages: ['es-MX', 'en-US'] });
    const call = coreClient(first);
    expect((await call('app:info', {})).language).toEqual({ setting: 'system', system: ['es-MX', 'en-US'] });
    await call('app:setLanguage', { setting: 'en' });
    expect((await call('app:info', {})).language.setting).toBe('en');
    await first.shutdown();
    expect(JSON.parse(await readFile(join(data.path, 'preferences.json'), 'utf8'))).toEqual({ language: 'en' });

    const again = await createTestCore({ dataDir: data.path, homeDir: home.path });
    expect((await coreClient(again)('app:info', {})).language).toEqual({ setting: 'en', system: [] });
    await again.shutdown();
  });

  it('starts with the defaults when preferences.json is empty, damaged or not an object', async () => {
    for (const text of ['', '{not json', 'null', '"es"', '{"language":"fr"}']) {
      const data = await makeTempDir('data');
      const home = await makeTempDir('home');
      dirs.push(data, home);
      await writeFile(join(data.path, 'preferences.json'), text);
      const core = await createTestCore({ dataDir: data.path, homeDir: home.path });
      expect((await coreClient(core)('app:info', {})).language.setting, text).toBe('system');
      await core.shutdown();
    }
  });

  it('refuses a language Stowage does not speak, with a sentence', async () => {
    const data = await makeTempDir('data');
    const home = await makeTempDir('home');
    dirs.push(data, home);
    const core = await createTestCore({ dataDir: data.path, homeDir: home.path });
    const result = await core.dispatch('app:setLanguage', { setting: 'fr' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('invalidInput');
    await core.shutdown();
  });
});
