/** File names as people see them: stem and extension, and the name a duplicate gets. */

/** `notes.md` → ["notes", ".md"]; folders, dotfiles (`.bashrc`) and names without a dot have no extension. */
export function splitExtension(name: string, folder: boolean): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  if (folder || dot <= 0) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/**
 * The `n`th duplicate's name, as Finder names them: `notes copy.md`, `notes copy 2.md`, ...
 * `word` is "copy" in the window's language ("copia" in Spanish).
 */
export function copyName(name: string, folder: boolean, n: number, word = 'copy'): string {
  const [stem, extension] = splitExtension(name, folder);
  return `${stem} ${word}${n > 1 ? ` ${n}` : ''}${extension}`;
}
