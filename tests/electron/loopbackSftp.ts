// An SFTP server on 127.0.0.1 built on ssh2's own server, serving a temporary folder: the
// Electron tests need one on macOS and Windows runners too, where the Debian test servers
// (tests/servers) do not run. Password login, one user; enough of SFTP v3 for browsing and
// transfers (no symlink creation, no extensions: the client then takes its plain paths).
import { lstat, mkdir, open, readdir, readlink, rename, rm, rmdir, stat, truncate, chmod, utimes, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, posix } from 'node:path';
import ssh2, { type Attributes, type SFTPWrapper } from 'ssh2';

const { STATUS_CODE } = ssh2.utils.sftp;

export interface LoopbackSftp {
  host: string;
  port: number;
  username: string;
  password: string;
  /** The user's home as the client sees it, and where it is on this disk. */
  home: string;
  localPath(remote: string): string;
  close(): Promise<void>;
}

const attrsOf = (s: Stats): Attributes => ({ mode: s.mode, uid: 0, gid: 0, size: s.size, atime: Math.floor(s.atimeMs / 1000), mtime: Math.floor(s.mtimeMs / 1000) });
const longname = (name: string, s: Stats) => `${s.isDirectory() ? 'd' : s.isSymbolicLink() ? 'l' : '-'}rw-r--r-- 1 tester tester ${s.size} Jan 1 00:00 ${name}`;

function statusFor(error: unknown): number {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return STATUS_CODE.NO_SUCH_FILE;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EEXIST') return STATUS_CODE.PERMISSION_DENIED;
  return STATUS_CODE.FAILURE;
}

/** Serves `root` (its `home/tester` is the user's home) until closed. */
export async function startLoopbackSftp(root: string): Promise<LoopbackSftp> {
  const username = 'tester';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const home = '/home/tester';
  await mkdir(join(root, home), { recursive: true });
  const localPath = (remote: string) => join(root, ...posix.normalize(posix.resolve(home, remote)).split('/'));
  const hostKey = ssh2.utils.generateKeyPairSync('ed25519').private;

  const clients = new Set<ssh2.Connection>();
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === username && ctx.password === password) ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('session', (accept) => accept().on('sftp', (acceptSftp) => serve(acceptSftp())));
  });

  function serve(sftp: SFTPWrapper): void {
    const handles = new Map<number, { file?: FileHandle; dir?: string; listed?: boolean }>();
    let nextHandle = 0;
    const newHandle = (value: { file?: FileHandle; dir?: string }) => {
      const id = nextHandle++;
      handles.set(id, value);
      const buf = Buffer.alloc(4);
      buf.writeUInt32BE(id);
      return buf;
    };
    const handleOf = (buf: Buffer) => (buf.length === 4 ? handles.get(buf.readUInt32BE(0)) : undefined);
    /** Runs one request: a throw becomes the matching status. */
    const answer = (id: number, work: () => Promise<void>) => void work().catch((error: unknown) => sftp.status(id, statusFor(error), String((error as Error).message)));
    const ok = (id: number) => sftp.status(id, STATUS_CODE.OK);

    sftp.on('REALPATH', (id, path) => sftp.name(id, [{ filename: posix.normalize(posix.resolve(home, path)), longname: '', attrs: {} as Attributes }]));
    sftp.on('STAT', (id, path) => answer(id, async () => sftp.attrs(id, attrsOf(await stat(localPath(path))))));
    sftp.on('LSTAT', (id, path) => answer(id, async () => sftp.attrs(id, attrsOf(await lstat(localPath(path))))));
    sftp.on('OPEN', (id, path, flags) =>
      answer(id, async () => {
        const mode = ssh2.utils.sftp.flagsToString(flags);
        if (!mode) throw Object.assign(new Error('bad open flags'), { code: 'EINVAL' });
        sftp.handle(id, newHandle({ file: await open(localPath(path), mode) }));
      }),
    );
    sftp.on('OPENDIR', (id, path) =>
      answer(id, async () => {
        const dir = localPath(path);
        if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
        sftp.handle(id, newHandle({ dir }));
      }),
    );
    sftp.on('READDIR', (id, handle) =>
      answer(id, async () => {
        const h = handleOf(handle);
        if (!h?.dir) return void sftp.status(id, STATUS_CODE.FAILURE);
        if (h.listed) return void sftp.status(id, STATUS_CODE.EOF);
        h.listed = true;
        const names = await readdir(h.dir);
        const entries = await Promise.all(names.map(async (name) => ({ name, s: await lstat(join(h.dir!, name)) })));
        sftp.name(id, entries.map(({ name, s }) => ({ filename: name, longname: longname(name, s), attrs: attrsOf(s) })));
      }),
    );
    sftp.on('READ', (id, handle, offset, length) =>
      answer(id, async () => {
        const file = handleOf(handle)?.file;
        if (!file) return void sftp.status(id, STATUS_CODE.FAILURE);
        const buf = Buffer.alloc(length);
        const { bytesRead } = await file.read(buf, 0, length, offset);
        if (bytesRead === 0) sftp.status(id, STATUS_CODE.EOF);
        else sftp.data(id, buf.subarray(0, bytesRead));
      }),
    );
    sftp.on('WRITE', (id, handle, offset, data) =>
      answer(id, async () => {
        const file = handleOf(handle)?.file;
        if (!file) return void sftp.status(id, STATUS_CODE.FAILURE);
        await file.write(data, 0, data.length, offset);
        ok(id);
      }),
    );
    sftp.on('FSTAT', (id, handle) =>
      answer(id, async () => {
        const h = handleOf(handle);
        if (!h) return void sftp.status(id, STATUS_CODE.FAILURE);
        sftp.attrs(id, attrsOf(h.file ? await h.file.stat() : await stat(h.dir!)));
      }),
    );
    const setAttrs = async (path: string, attrs: Attributes) => {
      if (attrs.size !== undefined) await truncate(path, attrs.size);
      if (attrs.mode !== undefined) await chmod(path, attrs.mode & 0o7777);
      if (attrs.mtime !== undefined) await utimes(path, attrs.atime ?? attrs.mtime, attrs.mtime);
    };
    sftp.on('SETSTAT', (id, path, attrs) => answer(id, async () => (await setAttrs(localPath(path), attrs), ok(id))));
    sftp.on('FSETSTAT', (id, handle, attrs) =>
      answer(id, async () => {
        const h = handleOf(handle);
        if (!h?.file) return void sftp.status(id, STATUS_CODE.FAILURE);
        if (attrs.size !== undefined) await h.file.truncate(attrs.size);
        if (attrs.mode !== undefined) await h.file.chmod(attrs.mode & 0o7777);
        if (attrs.mtime !== undefined) await h.file.utimes(attrs.atime ?? attrs.mtime, attrs.mtime);
        ok(id);
      }),
    );
    sftp.on('CLOSE', (id, handle) =>
      answer(id, async () => {
        const h = handleOf(handle);
        if (!h) return void sftp.status(id, STATUS_CODE.FAILURE);
        handles.delete(handle.readUInt32BE(0));
        await h.file?.close();
        ok(id);
      }),
    );
    sftp.on('MKDIR', (id, path) => answer(id, async () => (await mkdir(localPath(path)), ok(id))));
    sftp.on('RMDIR', (id, path) => answer(id, async () => (await rmdir(localPath(path)), ok(id))));
    sftp.on('REMOVE', (id, path) => answer(id, async () => (await rm(localPath(path)), ok(id))));
    // SFTP v3 rename, as OpenSSH's: never replaces an existing name.
    sftp.on('RENAME', (id, from, to) =>
      answer(id, async () => {
        const target = localPath(to);
        const taken = await lstat(target).then(() => true, () => false);
        if (taken) return void sftp.status(id, STATUS_CODE.FAILURE, 'target exists');
        await rename(localPath(from), target);
        ok(id);
      }),
    );
    sftp.on('READLINK', (id, path) => answer(id, async () => sftp.name(id, [{ filename: await readlink(localPath(path)), longname: '', attrs: {} as Attributes }])));
    sftp.on('SYMLINK', (id) => sftp.status(id, STATUS_CODE.OP_UNSUPPORTED));
    sftp.on('EXTENDED', (id) => sftp.status(id, STATUS_CODE.OP_UNSUPPORTED));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    username,
    password,
    home,
    localPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const client of clients) client.end();
      }),
  };
}
