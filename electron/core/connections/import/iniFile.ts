/** The INI shape WinSCP.ini and rclone.conf share: `[section]` headers and `key = value` lines. */

export interface IniSection {
  name: string;
  values: Map<string, string>;
}

export function parseIni(text: string): IniSection[] {
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  for (const raw of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = { name: header[1]!.trim(), values: new Map() };
      sections.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || !current) continue;
    current.values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return sections;
}
