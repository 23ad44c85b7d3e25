// The core process's entry as the app starts it: runs the core's bundle (coreProcess.cjs,
// beside this file) from V8's code cache when one for exactly that bundle is in the folder
// that $STOWAGE_CODE_CACHE_DIR names, and otherwise writes one once the core has settled in.
// Compiling the bundle's 4 MB costs every start about 90 ms of CPU, most of which the cache
// skips. A missing, stale or damaged cache only costs that time: V8 checks the cache
// against the source and this Node, and the bundle then compiles as usual.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheDirVariable } from './coreProtocol.js';

/** By then the core has connected and served its first requests: their functions are compiled, and go in the cache too. */
const writeCacheAfterMs = 2_000;
const cachePrefix = 'core-';

const bundle = join(__dirname, 'coreProcess.cjs');
const cacheDir = process.env[codeCacheDirVariable];
const bytes = readFileSync(bundle);
const key = createHash('sha256').update(bytes).update(process.versions.v8).digest('hex').slice(0, 16);
const source = bytes.toString('utf8');
const cacheFile = cacheDir ? join(cacheDir, `${cachePrefix}${key}.bin`) : undefined;

function readCache(): Buffer | undefined {
  try {
    return cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    return undefined;
  }
}

/** The cache for this bundle, in place of any other bundle's (an older version's). */
function writeCache(dir: string, file: string, data: Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, data);
    renameSync(partial, file);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(cachePrefix) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A folder that cannot take it leaves the next start to compile, as this one did.
  }
}

const cachedData = readCache();
// The bundle runs as CommonJS does: one function of the module's five names.
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new Script(wrapped, { filename: bundle, cachedData });
if (cacheDir && cacheFile && (!cachedData || script.cachedDataRejected)) {
  setTimeout(() => writeCache(cacheDir, cacheFile, script.createCachedData()), writeCacheAfterMs).unref();
}
const coreModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(coreModule.exports, createRequire(bundle), coreModule, bundle, dirname(bundle));
