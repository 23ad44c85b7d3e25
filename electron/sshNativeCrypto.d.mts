import type { Plugin } from 'esbuild';

export declare const nodeBuiltAddon: string;
export declare const sshNativeCryptoPlugin: Plugin;
export declare function copyNodeAddon(bundleDir: string): Promise<boolean>;
/** The addon's OpenSSL symbols the host does not export ([] = it loads there); undefined when nm cannot tell. */
export declare function unresolvedOpenSslSymbols(addon: string, host: string): string[] | undefined;
