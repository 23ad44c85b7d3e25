/**
 * Exclude patterns, gitignore-like: `name/` is a folder of that name anywhere, a pattern with
 * a `/` inside is matched from the sync's root, any other matches a file or folder name
 * anywhere. `*` stays within a name, `**` crosses folders, `?` is one character.
 */
function globToRegex(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'u');
}

interface Rule {
  regex: RegExp;
  folderOnly: boolean;
  anchored: boolean;
}

export interface ExcludeTest {
  /** A `/`-separated file path under the root. */
  file(relativePath: string): boolean;
  /** A folder path under the root: excluded folders are not even walked. */
  folder(relativePath: string): boolean;
}

function matches(rules: Rule[], parts: string[], leafIsFile: boolean): boolean {
  for (const rule of rules) {
    // A folder rule tests only folders: all parts but a file's own name.
    const last = rule.folderOnly && leafIsFile ? parts.length - 1 : parts.length;
    if (rule.anchored) {
      for (let n = 1; n <= last; n++) if (rule.regex.test(parts.slice(0, n).join('/'))) return true;
    } else {
      for (let n = 0; n < last; n++) if (rule.regex.test(parts[n]!)) return true;
    }
  }
  return false;
}

export function excluder(patterns: string[]): ExcludeTest {
  const rules: Rule[] = patterns
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const folderOnly = p.endsWith('/');
      const body = p.replace(/^\/+|\/+$/g, '');
      return { regex: globToRegex(body), folderOnly, anchored: body.includes('/') || p.startsWith('/') };
    });
  return {
    file: (relativePath) => matches(rules, relativePath.split('/'), true),
    folder: (relativePath) => matches(rules, relativePath.split('/'), false),
  };
}
