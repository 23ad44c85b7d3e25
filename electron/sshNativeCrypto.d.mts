import type { Plugin } from 'esbuild';

export declare const nodeBuiltAddon: string;
export declare const sshNativeCryptoPlugin: Plugin;
export declare function copyNodeAddon(bundleDir: string): Promise<boolean>;
/** undefined when built, else why not. */
export declare function buildElectronAddon(bundleDir: string): Promise<string | undefined>;
