import { describe, expect, it } from 'vitest';
import { decide, type SideFile } from '../../electron/core/sync/compareRule.js';
import { excluder } from '../../electron/core/sync/excludes.js';
import { mtimeFromMetadata, mtimeNsToMetadata } from '../../electron/core/lib/rcloneMtime.js';

const file = (size: number, writtenMs: number, originalMtimeMs?: number): SideFile => ({ relativePath: 'f', size, writtenMs, ...(originalMtimeMs !== undefined ? { originalMtimeMs } : {}) });

describe('the sync compare rule', () => {
  it('copies what is missing and overwrites what differs in size', () => {
    expect(decide('upload', file(5, 1000), undefined)).toEqual({ kind: 'upload', reason: 'new' });
    expect(decide('download', file(5, 1000), undefined)).toEqual({ kind: 'download', reason: 'new' });
    expect(decide('upload', file(5, 1000), file(6, 9000))).toEqual({ kind: 'overwrite', reason: 'sizeDiffers' });
  });

  it('same size: a source changed after the destination was written is copied again, within S3’s whole seconds', () => {
    expect(decide('upload', file(5, 10_000), file(5, 20_000))).toEqual({ kind: 'skip', reason: 'notOlder' });
    expect(decide('upload', file(5, 20_900), file(5, 20_000))).toEqual({ kind: 'skip', reason: 'notOlder' });
    expect(decide('upload', file(5, 21_500), file(5, 20_000))).toEqual({ kind: 'overwrite', reason: 'sourceNewer' });
  });

  it('with x-amz-meta-mtime known on the S3 side, equal times skip and different times overwrite, whichever way', () => {
    const local = file(5, 1_700_000_000_123.4);
    expect(decide('download', file(5, 1_800_000_000_000, 1_700_000_000_123.4), local)).toEqual({ kind: 'skip', reason: 'sameMtime' });
    expect(decide('download', file(5, 1_800_000_000_000, 1_700_000_005_000), local)).toEqual({ kind: 'overwrite', reason: 'mtimeDiffers' });
    expect(decide('upload', local, file(5, 1_600_000_000_000, 1_700_000_000_123.4))).toEqual({ kind: 'skip', reason: 'sameMtime' });
  });
});

describe('sync excludes', () => {
  const ex = excluder(['.git/', 'node_modules/', '.DS_Store', '*.tmp', 'build/out/**', '/top.txt']);
  it('a folder pattern excludes that folder anywhere, not a file of that name', () => {
    expect(ex.file('.git/HEAD')).toBe(true);
    expect(ex.file('a/b/node_modules/x/y.js')).toBe(true);
    expect(ex.folder('a/node_modules')).toBe(true);
    expect(ex.file('docs/.git')).toBe(false);
  });
  it('a name pattern matches a name anywhere; one with a slash is from the root', () => {
    expect(ex.file('photos/.DS_Store')).toBe(true);
    expect(ex.file('a/notes.tmp')).toBe(true);
    expect(ex.file('a/notes.tmp.keep')).toBe(false);
    expect(ex.file('build/out/x/y.bin')).toBe(true);
    expect(ex.file('src/build/out/y.bin')).toBe(false);
    expect(ex.file('top.txt')).toBe(true);
    expect(ex.file('sub/top.txt')).toBe(false);
    expect(ex.file('src/index.ts')).toBe(false);
  });
});

describe('rclone’s mtime metadata', () => {
  it('is Unix seconds with nine digits of nanoseconds, and reads back to milliseconds', () => {
    expect(mtimeNsToMetadata(1_700_000_000_123_456_789n)).toBe('1700000000.123456789');
    expect(mtimeNsToMetadata(1_700_000_000_000_000_005n)).toBe('1700000000.000000005');
    expect(mtimeFromMetadata('1700000000.123456789')).toBeCloseTo(1_700_000_000_123.456789, 3);
    expect(mtimeFromMetadata('1700000000')).toBe(1_700_000_000_000);
    expect(mtimeFromMetadata('yesterday')).toBeUndefined();
  });
});
