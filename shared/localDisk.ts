/**
 * The reserved connection ids of this computer's disk: every fs:* operation takes one like a
 * saved connection's id, and no saved connection can have them (theirs are UUIDs). There are
 * two so the split view can show two folders of the disk side by side, each pane its own
 * browser; both name the same disk.
 */
export const localConnectionId = 'local';
export const secondLocalConnectionId = 'local-2';

export const isLocalConnection = (connectionId: string | null | undefined): boolean =>
  connectionId === localConnectionId || connectionId === secondLocalConnectionId;

/** The drive a Windows browser path starts with (`C:` of `/C:/Users`), or undefined. */
export function driveOf(path: string): string | undefined {
  return /^\/([A-Za-z]:)(\/|$)/.exec(path)?.[1];
}

/**
 * The path node:fs takes for a local pane's path: the same on Linux and macOS; on Windows the
 * drives are the top level, `/C:/Users` is `C:\Users` (a path on no drive is left as it is).
 */
export function hostPathOf(path: string, windows: boolean): string {
  const drive = windows ? driveOf(path) : undefined;
  if (!drive) return path;
  return `${drive.toUpperCase()}\\${path.slice(1 + drive.length).replace(/^\/+/, '').replace(/\//g, '\\')}`;
}

/** The local pane's path of a path node:fs gave: `C:\Users` is `/C:/Users` on Windows. */
export function browserPathOf(native: string, windows: boolean): string {
  if (!windows) return native;
  return `/${native.replace(/\\/g, '/').replace(/\/+$/, '')}`;
}
