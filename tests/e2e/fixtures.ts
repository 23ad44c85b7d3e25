import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { startBridge, type Bridge } from '../bridge/bridgeServer.js';
import { startCoreProcessHost, type CoreProcessHost } from '../support/coreProcessHost.js';
import { readTestbedEnv, type TestbedEnv } from '../support/testbedEnv.js';
import { makeTempDir } from '../support/tempDir.js';

const outDir = process.env.STOWAGE_OUT_DIR || fileURLToPath(new URL('../../dist', import.meta.url));
const rendererDir = `${outDir}/renderer`;
export const screenshotDir = fileURLToPath(new URL('../artifacts/screenshots', import.meta.url));

export interface StowageApp {
  page: Page;
  bridge: Bridge;
  /** The app's core process, hosted as main hosts it. */
  headless: CoreProcessHost;
  servers: TestbedEnv;
  /** A scratch folder for files to drop and downloads to land in. */
  workDir: string;
  screenshot(name: string): Promise<void>;
}

export const test = base.extend<{ app: StowageApp; weakSecretBox: boolean }>({
  /** `test.use({ weakSecretBox: true })`: the host has no OS keychain (Linux's basic_text), so no secret is saved. */
  weakSecretBox: [false, { option: true }],
  app: async ({ page, weakSecretBox }, use) => {
    const headless = await startCoreProcessHost({ weak: weakSecretBox });
    const bridge = await startBridge(headless.core, rendererDir);
    const work = await makeTempDir('e2e');
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(bridge.url);
    // The sidebar's New connection button, by place: its name is in the window's language.
    await expect(page.locator('.sidebar-header button').first()).toBeVisible();
    await use({
      page,
      bridge,
      headless,
      servers: readTestbedEnv(),
      workDir: work.path,
      async screenshot(name) {
        await mkdir(screenshotDir, { recursive: true });
        await page.screenshot({ path: `${screenshotDir}/${name}.png` });
      },
    });
    await bridge.close();
    await headless.dispose();
    await work.remove();
  },
});

export { expect };
