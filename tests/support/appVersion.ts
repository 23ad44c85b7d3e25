import { readFileSync } from 'node:fs';

/**
 * The version in package.json, as Electron's `app.getVersion()` gives it to the app: hosts of the
 * real core outside Electron (the browser preview, the e2e tests) report the same.
 */
export const packageVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
