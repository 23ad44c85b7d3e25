import { describe, expect, it } from 'vitest';
import { fromNative, normalizeLocalPath, toNative } from '../../electron/core/local/localPaths.js';
import { browserPathOf, hostPathOf } from '../../shared/localDisk.js';

describe("the local disk's browser paths", () => {
  it('are the POSIX paths themselves on Linux and macOS, without dot segments or trailing slashes', () => {
    expect(toNative('/home/ana/docs/', 'posix')).toBe('/home/ana/docs');
    expect(toNative('/home/ana/../../etc', 'posix')).toBe('/etc');
    expect(toNative('/../..', 'posix')).toBe('/');
    expect(fromNative('/home/ana', 'posix')).toBe('/home/ana');
    expect(() => normalizeLocalPath('home/ana')).toThrow('Local paths start with "/": home/ana');
  });

  it('put the drives at the top on Windows', () => {
    expect(toNative('/', 'windows')).toBeUndefined();
    expect(toNative('/C:', 'windows')).toBe('C:\\');
    expect(toNative('/c:/Users/ana/My Docs', 'windows')).toBe('C:\\Users\\ana\\My Docs');
    expect(toNative('/D:/a/..', 'windows')).toBe('D:\\');
    // Above a drive is the list of drives, never a folder.
    expect(toNative('/D:/a/../../..', 'windows')).toBeUndefined();
    expect(fromNative('C:\\Users\\ana', 'windows')).toBe('/C:/Users/ana');
    expect(fromNative('C:\\', 'windows')).toBe('/C:');
    expect(() => toNative('/Users/ana', 'windows')).toThrow('/Users/ana is not on a drive of this computer.');
  });
});

describe("the window's mapping of local pane paths, for uploads and downloads", () => {
  it('keeps POSIX paths and maps Windows drives both ways', () => {
    expect(hostPathOf('/home/ana/a b.txt', false)).toBe('/home/ana/a b.txt');
    expect(hostPathOf('/c:/Users/ana/a b.txt', true)).toBe('C:\\Users\\ana\\a b.txt');
    expect(hostPathOf('/D:', true)).toBe('D:\\');
    expect(browserPathOf('C:\\Users\\ana', true)).toBe('/C:/Users/ana');
    expect(browserPathOf('/home/ana', false)).toBe('/home/ana');
  });
});
