import { app } from 'electron';

/**
 * electron-builder.yml's `appId`, which the nsis installer gives its shortcuts as their
 * Application User Model ID (tests/unit/electronBuilderConfig.test.ts keeps the two equal).
 */
export const appId = 'dev.stowage.app';

/**
 * Windows groups taskbar buttons and shows notifications by this id: the same as the
 * installer's shortcuts, or notifications do not show and the window gets a button of its
 * own. Set before any window or notification exists. The method exists on Windows only.
 */
export function setWindowsAppIdentity(): void {
  if (process.platform === 'win32') app.setAppUserModelId(appId);
}
