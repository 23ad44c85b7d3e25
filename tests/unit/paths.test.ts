import { describe, expect, it } from 'vitest';
import { baseName, breadcrumbs, childPath, parentPath, splitS3Path } from '../../shared/paths.js';

describe('S3 paths', () => {
  it('splits bucket and key, keeping odd keys intact', () => {
    expect(splitS3Path('/b/a//c/')).toEqual({ bucket: 'b', key: 'a//c/' });
    expect(splitS3Path('/b')).toEqual({ bucket: 'b', key: '' });
    expect(splitS3Path('/b//lead')).toEqual({ bucket: 'b', key: '/lead' });
  });

  it('walks up folder by folder and ends at the bucket list', () => {
    expect(parentPath('s3', '/b/x/y/')).toBe('/b/x/');
    expect(parentPath('s3', '/b/x/file.txt')).toBe('/b/x/');
    expect(parentPath('s3', '/b/')).toBe('/');
    expect(parentPath('s3', '/')).toBeNull();
  });

  it('builds child paths with folders ending in a slash', () => {
    expect(childPath('s3', '/b/x/', 'y', true)).toBe('/b/x/y/');
    expect(childPath('s3', '/b/x/', 'f.txt', false)).toBe('/b/x/f.txt');
  });

  it('makes breadcrumbs, including empty segments from keys with //', () => {
    expect(breadcrumbs('s3', '/b/a//c/').map((c) => [c.label, c.path])).toEqual([
      ['Buckets', '/'],
      ['b', '/b/'],
      ['a', '/b/a/'],
      ['(empty)', '/b/a//'],
      ['c', '/b/a//c/'],
    ]);
  });
});

describe('SFTP paths', () => {
  it('walks up and builds children', () => {
    expect(parentPath('sftp', '/home/u/docs')).toBe('/home/u');
    expect(parentPath('sftp', '/home')).toBe('/');
    expect(childPath('sftp', '/', 'etc', true)).toBe('/etc');
    expect(childPath('sftp', '/home/u', 'a b', false)).toBe('/home/u/a b');
    expect(breadcrumbs('sftp', '/home/u').map((c) => c.path)).toEqual(['/', '/home', '/home/u']);
    expect(baseName('/home/u/file')).toBe('file');
    expect(baseName('/b/folder/')).toBe('folder');
  });
});
