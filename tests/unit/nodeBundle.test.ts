import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { nodeBundleOptions } from '../../electron/nodeBundle.mjs';

describe('the core process bundle', () => {
  it('is ASCII, so V8 holds its source at one byte a character', async () => {
    const result = await build({ ...nodeBundleOptions, entryPoints: ['electron/core/process/coreProcess.ts'], target: 'node22', write: false, outdir: 'bundle-check', logLevel: 'silent' });
    const bytes = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents;
    // The licence notices are kept, beside it.
    expect(result.outputFiles.find((f) => f.path.endsWith('.LEGAL.txt'))?.text).toMatch(/License/i);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const firstNonAscii = bytes.findIndex((b) => b > 0x7f);
    expect(firstNonAscii === -1 ? '' : Buffer.from(bytes.subarray(Math.max(0, firstNonAscii - 60), firstNonAscii + 20)).toString('utf8')).toBe('');
  });
});
