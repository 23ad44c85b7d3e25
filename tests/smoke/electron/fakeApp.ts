import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { electronEvent, type Journal } from './journal.js';

export interface FakeAppOptions {
  userData: string;
  appPath: string;
  version: string;
  name: string;
  /** What requestSingleInstanceLock answers: false plays a second launch. */
  gotLock: boolean;
  platform: NodeJS.Platform;
  /** What app.getPreferredSystemLanguages answers. */
  systemLanguages?: string[];
}

/**
 * Electron's `app`, as far as main uses it, with its rules: `quit()` runs before-quit (which
 * may prevent it), closes the windows, then will-quit and quit; `setAppUserModelId` exists
 * on Windows only (calling it elsewhere is a TypeError, as in Electron).
 */
export class FakeApp extends EventEmitter {
  readonly isPackaged = true;
  ready = false;
  /** The app went all the way through quit (or exit). */
  ended = false;
  exitCode: number | undefined;
  setAppUserModelId?: (id: string) => void;
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;

  constructor(
    private readonly options: FakeAppOptions,
    private readonly journal: Journal,
    private readonly closeWindows: () => void,
  ) {
    super();
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
    if (options.platform === 'win32') this.setAppUserModelId = (id) => journal.note('app.setAppUserModelId', id);
  }

  /** The harness plays Electron's `ready`. */
  becomeReady(): void {
    this.ready = true;
    this.journal.note('app.ready');
    this.emit('ready', electronEvent(), {});
    this.resolveReady();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  getPath(name: string): string {
    return name === 'userData' ? this.options.userData : join(this.options.userData, `path-${name}`);
  }

  getPreferredSystemLanguages(): string[] {
    if (!this.ready) throw new Error('app.getPreferredSystemLanguages can only be used after the app is ready');
    return this.options.systemLanguages ?? ['en-US'];
  }

  getVersion(): string {
    return this.options.version;
  }

  getName(): string {
    return this.options.name;
  }

  getAppPath(): string {
    return this.options.appPath;
  }

  requestSingleInstanceLock(): boolean {
    this.journal.note('app.requestSingleInstanceLock');
    return this.options.gotLock;
  }

  quit(): void {
    this.journal.note('app.quit');
    if (this.ended) return;
    const beforeQuit = electronEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.closeWindows();
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.ended = true;
    this.journal.note('app.ended');
    this.emit('quit', electronEvent(), 0);
  }

  exit(code = 0): void {
    this.journal.note('app.exit', code);
    this.exitCode = code;
    this.ended = true;
  }
}
