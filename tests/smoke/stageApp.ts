/**
 * Stages the app as electron-builder would pack it: its own config loader and its own main
 * file matcher (the `files` patterns with the defaults it adds) pick the files, which are
 * copied into a folder of their own with package.json as electron-builder writes it
 * (extraMetadata merged). Loading main from there finds exactly what an installer holds.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const projectRequire = createRequire(import.meta.url);

export interface StagedApp {
  dir: string;
  /** Every staged file, relative to `dir`, `/`-separated. */
  files: Set<string>;
  config: Record<string, unknown>;
  /** Whether a staged file would be left outside the asar archive (electron-builder's asarUnpack). */
  unpacked(rel: string): boolean;
  /** The path of `abs` inside the staged app, or null when it lies outside it or was not staged. */
  stagedPath(abs: string): string | null;
}

type Filter = (file: string, stat: Stats) => boolean;

async function loadConfig(root: string): Promise<Record<string, unknown>> {
  const { getConfig } = projectRequire('app-builder-lib/out/util/config/config.js');
  return getConfig(root, join(root, 'electron-builder.yml'), null);
}

function mainFilter(root: string, config: Record<string, unknown>): Filter {
  const { getMainFileMatchers } = projectRequire('app-builder-lib/out/fileMatcher.js');
  const directories = (config.directories ?? {}) as { output?: string; buildResources?: string };
  const outDir = join(root, directories.output ?? 'dist');
  const packager = {
    info: { projectDir: root, buildResourcesDir: directories.buildResources ?? 'build', isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } },
  };
  const matchers = getMainFileMatchers(root, join(outDir, 'linux-unpacked', 'resources', 'app'), (s: string) => s, config.linux ?? {}, packager, outDir, false);
  if (matchers.length !== 1) throw new Error('electron-builder.yml: expected only the main file set (no FileSet with from/to)');
  return matchers[0].createFilter();
}

/** electron-builder's asarUnpack matcher: the staged files it would leave outside the archive. */
function asarUnpackFilter(root: string, config: Record<string, unknown>): (rel: string) => boolean {
  const { getFileMatchers } = projectRequire('app-builder-lib/out/fileMatcher.js');
  const matchers = getFileMatchers(config, 'asarUnpack', root, { macroExpander: (s: string) => s, customBuildOptions: config.linux ?? {}, globalOutDir: join(root, 'release'), defaultSrc: root });
  const filter: Filter | undefined = matchers?.[0]?.createFilter();
  const aFile = { isDirectory: () => false } as Stats;
  return (rel) => !!filter && filter(join(root, rel), aFile);
}

/**
 * `buildDir` is the build output (`dist/` or $STOWAGE_OUT_DIR): it is matched as the project's
 * `dist/`, where electron-builder would find it.
 */
export async function stageApp(root: string, buildDir: string, stageDir: string): Promise<StagedApp> {
  const config = await loadConfig(root);
  const filter = mainFilter(root, config);
  const files = new Set<string>();
  const sources = new Map<string, string>();
  const walk = (realDir: string, projectDir: string) => {
    for (const name of readdirSync(realDir)) {
      const real = join(realDir, name);
      const asInProject = join(projectDir, name);
      const rel = relative(root, asInProject).split(sep).join('/');
      if (projectDir === root && (name === '.git' || name === 'node_modules' || name === 'dist')) continue;
      const stat = statSync(real);
      if (!filter(asInProject, stat)) continue;
      if (stat.isDirectory()) walk(real, asInProject);
      else {
        files.add(rel);
        sources.set(rel, real);
      }
    }
  };
  walk(root, root);
  walk(buildDir, join(root, 'dist'));
  mkdirSync(stageDir, { recursive: true });
  for (const [rel, real] of sources) {
    const target = join(stageDir, rel);
    mkdirSync(dirname(target), { recursive: true });
    if (rel === 'package.json') {
      const pkg = JSON.parse(readFileSync(real, 'utf8')) as Record<string, unknown>;
      writeFileSync(target, JSON.stringify({ ...pkg, ...(config.extraMetadata as object) }, null, 2));
    } else cpSync(real, target);
  }
  const unpacked = asarUnpackFilter(root, config);
  return {
    dir: stageDir,
    files,
    config,
    unpacked,
    stagedPath(abs) {
      const rel = relative(stageDir, abs).split(sep).join('/');
      if (rel.startsWith('..') || !existsSync(abs)) return null;
      if (statSync(abs).isDirectory()) return [...files].some((f) => f.startsWith(`${rel}/`)) ? rel : null;
      return files.has(rel) ? rel : null;
    },
  };
}
