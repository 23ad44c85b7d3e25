import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/contract.js';
import { parseRequest } from '../../electron/core/ipc/dispatch.js';

const nul = 'a\0b';
const notValid = (where: string) => `The request is not valid: Names and paths cannot contain a NUL character (${where}).`;
/** A refusal as it crosses IPC: the catalog key with the field's path, and its English sentence. */
const refusal = (code: string, path: string, message: string) => ({ ok: false, error: { kind: 'invalidInput', code, params: { path }, message } });

describe('the contract refuses a NUL in any name or path, before the core runs', () => {
  const cases: [string, Parameters<typeof parseRequest>[0], Record<string, unknown>, string][] = [
    ['a new folder name', 'fs:mkdir', { connectionId: 'c', parentPath: '/b/', name: nul }, 'name'],
    ['a new SFTP file name', 'sftp:createFile', { connectionId: 'c', parentPath: '/home', name: nul }, 'name'],
    ['a rename target', 'fs:rename', { connectionId: 'c', from: '/b/x', to: `/b/${nul}` }, 'to'],
    ['a file to upload', 'transfers:upload', { connectionId: 'c', localPaths: ['/tmp/ok', `/tmp/${nul}`], remoteFolder: '/b/' }, 'localPaths.1'],
    ['the folder uploaded to', 'transfers:upload', { connectionId: 'c', localPaths: ['/tmp/ok'], remoteFolder: `/b/${nul}/` }, 'remoteFolder'],
    ['the folder downloaded to', 'transfers:download', { connectionId: 'c', remotePaths: ['/b/x'], localFolder: `/tmp/${nul}` }, 'localFolder'],
    ['a path to list', 'fs:list', { connectionId: 'c', path: `/b/${nul}/` }, 'path'],
  ];

  for (const [what, channel, payload, where] of cases) {
    it(`in ${what}`, () => {
      expect(parseRequest(channel, payload)).toEqual(refusal('coreIpc:refused.noNul', where, notValid(where)));
    });
  }

  it('still takes the same requests without the NUL', () => {
    for (const [, channel, payload] of cases) {
      const clean = JSON.parse(JSON.stringify(payload).replaceAll('\\u0000', '')) as Record<string, unknown>;
      expect(parseRequest(channel, clean).ok).toBe(true);
    }
  });
});

describe('upload metadata named __proto__', () => {
  const upload = operations['transfers:upload'].request;
  // What arrives from the renderer: JSON (the bridge) and structured clone (Electron IPC) both keep an own __proto__.
  const payload = () =>
    JSON.parse('{"connectionId":"c","localPaths":["/tmp/a"],"remoteFolder":"/b/","options":{"metadata":{"__proto__":"x","owner":"me"}}}') as unknown;

  it('is refused with a sentence, not dropped', () => {
    expect(Object.hasOwn((payload() as { options: { metadata: object } }).options.metadata, '__proto__')).toBe(true);
    expect(parseRequest('transfers:upload', payload())).toEqual(
      refusal('coreIpc:refused.metadataProto', 'options.metadata', 'The request is not valid: A metadata name cannot be "__proto__" (options.metadata).'),
    );
    expect(parseRequest('transfers:upload', structuredClone(payload())).ok).toBe(false);
  });

  it('leaves other metadata as it was', () => {
    const parsed = upload.parse({ connectionId: 'c', localPaths: ['/tmp/a'], remoteFolder: '/b/', options: { metadata: { owner: 'me', constructor: 'x' } } });
    expect(parsed.options?.metadata).toEqual({ owner: 'me', constructor: 'x' });
    expect(upload.safeParse({ connectionId: 'c', localPaths: ['/tmp/a'], remoteFolder: '/b/', options: { metadata: { a: 1 } } }).success).toBe(false);
  });
});

describe('a new folder or file name is one path segment', () => {
  const mkdir = (name: string) => parseRequest('fs:mkdir', { connectionId: 'c', parentPath: '/b/', name });
  const createFile = (name: string) => parseRequest('sftp:createFile', { connectionId: 'c', parentPath: '/home', name });

  it('refuses "/", "." and ".." with a sentence for each protocol', () => {
    expect(mkdir('a/b')).toEqual(refusal('coreIpc:refused.folderSlash', 'name', 'The request is not valid: A folder name cannot contain "/" (name).'));
    expect(mkdir('..')).toEqual(refusal('coreIpc:refused.folderDots', 'name', 'The request is not valid: A folder cannot be named "." or ".." (name).'));
    expect(createFile('.')).toEqual(refusal('coreIpc:refused.fileDots', 'name', 'The request is not valid: A file cannot be named "." or ".." (name).'));
    expect(createFile('a/b')).toEqual(refusal('coreIpc:refused.fileSlash', 'name', 'The request is not valid: A file name cannot contain "/" (name).'));
  });

  it('allows S3 folder names up to a key (1024) and SFTP file names up to 255', () => {
    expect(mkdir('x'.repeat(1024)).ok).toBe(true);
    expect(mkdir('x'.repeat(1025)).ok).toBe(false);
    expect(createFile('x'.repeat(255)).ok).toBe(true);
    expect(createFile('x'.repeat(256)).ok).toBe(false);
    expect(mkdir('...').ok).toBe(true);
  });
});

describe("a duplicate's copy word", () => {
  it('is one piece of a name: no "/", "\\" or NUL, and short', () => {
    const duplicate = (copyWord: string) => parseRequest('fs:duplicate', { connectionId: 'c', path: '/b/x.txt', copyWord }).ok;
    expect(duplicate('copia')).toBe(true);
    expect(duplicate('a/b')).toBe(false);
    expect(duplicate('a\\b')).toBe(false);
    expect(duplicate('x'.repeat(41))).toBe(false);
  });
});
