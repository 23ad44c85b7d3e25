/**
 * A folder picker names each file by its path under the folder's parent (`photos/2026/b.jpg`);
 * `path` is where that file lives. Answers the picked folder's own path (`…/photos`), whatever
 * the separators.
 */
export function pickedFolderRoot(path: string, relativePath: string): string {
  let root = path;
  for (let n = relativePath.split('/').length - 1; n > 0; n--) root = root.slice(0, Math.max(root.lastIndexOf('/'), root.lastIndexOf('\\')));
  return root;
}
