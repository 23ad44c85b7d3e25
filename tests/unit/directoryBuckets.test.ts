import { describe, expect, it } from 'vitest';
import { directoryBucketRegion, directoryBucketSettings, isDirectoryBucket } from '../../shared/directoryBuckets.js';
import type { FileEntry } from '../../shared/files.js';
import { UnorderedPages } from '../../renderer/src/features/browser/unorderedPages.js';

const file = (path: string): FileEntry => ({ name: path.split('/').filter(Boolean).pop()!, path, kind: path.endsWith('/') ? 'folder' : 'file' });

describe('directory buckets', () => {
  it('tells a directory bucket by its --zone--x-s3 name', () => {
    expect(isDirectoryBucket('fast-scratch--use1-az4--x-s3')).toBe(true);
    expect(isDirectoryBucket('edge--usw2-lax1-az1--x-s3')).toBe(true);
    expect(isDirectoryBucket('photos')).toBe(false);
    expect(isDirectoryBucket('photos-x-s3')).toBe(false);
    expect(isDirectoryBucket('--use1-az4--x-s3')).toBe(false);
  });

  it('reads the region from the zone id, Local Zones included', () => {
    expect(directoryBucketRegion('a--use1-az4--x-s3')).toBe('us-east-1');
    expect(directoryBucketRegion('a--usw2-az1--x-s3')).toBe('us-west-2');
    expect(directoryBucketRegion('a--apne1-az4--x-s3')).toBe('ap-northeast-1');
    expect(directoryBucketRegion('a--eun1-az1--x-s3')).toBe('eu-north-1');
    expect(directoryBucketRegion('a--apse2-az1--x-s3')).toBe('ap-southeast-2');
    expect(directoryBucketRegion('a--aps1-az1--x-s3')).toBe('ap-south-1');
    expect(directoryBucketRegion('a--usw2-lax1-az1--x-s3')).toBe('us-west-2');
    expect(directoryBucketRegion('a--weird--x-s3')).toBeUndefined();
    expect(directoryBucketRegion('photos')).toBeUndefined();
  });

  it('keeps only policy, encryption and lifecycle among the settings panels', () => {
    expect([...directoryBucketSettings].sort()).toEqual(['encryption', 'lifecycle', 'policy']);
  });
});

describe('a listing in no order, gathered', () => {
  it('merges pages into key order and keeps a row two pages repeat once', () => {
    const pages = new UnorderedPages();
    pages.add([file('/b--use1-az4--x-s3/z.txt'), file('/b--use1-az4--x-s3/dir/'), file('/b--use1-az4--x-s3/A.txt')]);
    pages.add([file('/b--use1-az4--x-s3/dir/'), file('/b--use1-az4--x-s3/a.txt'), file('/b--use1-az4--x-s3/ä.txt')]);
    expect(pages.size).toBe(5);
    expect(pages.sorted().map((e) => e.name)).toEqual(['A.txt', 'a.txt', 'dir', 'z.txt', 'ä.txt']);
  });

  it('sorts as S3 does, by UTF-8 bytes, where UTF-16 order differs (above U+FFFF)', () => {
    const pages = new UnorderedPages();
    pages.add([file('/b/😀.txt'), file('/b/\uFFFD.txt'), file('/b/\uE000.txt'), file('/b/z.txt')]);
    expect(pages.sorted().map((e) => e.name)).toEqual(['z.txt', '\uE000.txt', '\uFFFD.txt', '😀.txt']);
  });

  it('keeps the first copy of a repeated row', () => {
    const pages = new UnorderedPages();
    pages.add([{ ...file('/b/x.txt'), size: 1 }]);
    pages.add([{ ...file('/b/x.txt'), size: 2 }]);
    expect(pages.sorted()).toEqual([{ ...file('/b/x.txt'), size: 1 }]);
  });
});
