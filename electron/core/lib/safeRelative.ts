/**
 * A `/`-separated relative path that stays under the folder it is joined to on a file system:
 * no empty, `.` or `..` segment, no backslash (a separator on Windows) and no NUL. Object keys
 * may hold any of these, so a key is checked before it names a file or folder anywhere but S3.
 */
export function safeRelativePath(rel: string): boolean {
  return !rel.includes('\\') && !rel.includes('\0') && rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
