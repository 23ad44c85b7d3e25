/**
 * What the core needs from its host (the core process, which asks Electron's main process
 * over its pipe, or a test harness):
 * small interfaces, so the core never imports `electron`.
 */

/**
 * Encrypts secrets at rest. Main fills it with Electron's safeStorage; async because a core
 * in a utility process reaches safeStorage only by a round trip to the main process.
 */
export interface SecretBox {
  /**
   * True when the key that seals secrets is kept out of the user's files (an OS keychain);
   * false for Linux's basic_text fallback, whose key is fixed: the core then saves no secret.
   */
  readonly strong: boolean;
  /** A name for the backend, shown to the user (e.g. "gnome_libsecret", "basic_text"). */
  readonly backend: string;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

/** Native dialogs the core may ask for. */
export interface HostDialogs {
  chooseFolder(title?: string): Promise<string | null>;
}

export interface CoreHost {
  /** Where the app keeps its own data (connections, transfer checkpoints, known hosts). */
  dataDir: string;
  secretBox: SecretBox;
  dialogs: HostDialogs;
  appVersion: string;
  platform: string;
  /** The OS's preferred languages, most preferred first (Electron's app.getPreferredSystemLanguages); empty when unknown. */
  systemLanguages?: string[];
  /** The user's home folder, for ~/.aws and ~/.ssh (tests point it at a temp folder). */
  homeDir: string;
  /** Environment for credential files and SSH_AUTH_SOCK (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** Opens a local file in the user's default app (Electron's shell.openPath); absent in headless hosts. */
  openLocally?(path: string): Promise<void>;
  /** Shows a local file, selected, in the OS file manager (Electron's shell.showItemInFolder); absent in headless hosts. */
  showInFolder?(path: string): Promise<void>;
  /** Puts text on the OS clipboard (Electron's clipboard module, in main); absent in headless hosts. */
  copyText?(text: string): Promise<void>;
  /** Opens an IAM Identity Center sign-in page in the user's browser (shell.openExternal; main allows only those pages). */
  openSignInPage?(url: string): Promise<void>;
  /**
   * The OS's proxy for a URL (manual, PAC or WPAD) as Electron's session.resolveProxy
   * answers it: `PROXY host:port; DIRECT`. Asked only where the environment names no
   * proxy; absent in headless hosts, which then connect directly.
   */
  resolveProxy?(url: string): Promise<string>;
}
