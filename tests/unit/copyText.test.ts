/** `app:copyText`: the core hands the text to its host (main's clipboard module), checked first. */
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadlessCore, type HeadlessCore } from '../support/headlessCore.js';

describe('app:copyText', () => {
  let headless: HeadlessCore | undefined;
  afterEach(async () => {
    await headless?.dispose();
    headless = undefined;
  });

  it('hands the text to the host, as given', async () => {
    headless = await startHeadlessCore();
    const text = 'https://smoke.example/bucket/key with spaces\nand a second line';
    expect(await headless.core.dispatch('app:copyText', { text })).toEqual({ ok: true, value: undefined });
    expect(headless.copied).toEqual([text]);
  });

  it('refuses what is not text, and copies nothing', async () => {
    headless = await startHeadlessCore();
    const answer = await headless.core.dispatch('app:copyText', { text: { toString: 'x' } });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(headless.copied).toEqual([]);
  });
});
