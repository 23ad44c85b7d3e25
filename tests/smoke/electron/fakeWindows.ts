import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { electronEvent, type Journal } from './journal.js';

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Electron's NativeImage: empty when the file is missing or not an image it can read. */
export class FakeNativeImage {
  constructor(
    readonly path: string | undefined,
    private readonly size: { width: number; height: number },
  ) {}

  static fromPath(path: string): FakeNativeImage {
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngMagic)) return new FakeNativeImage(path, { width: 0, height: 0 });
    return new FakeNativeImage(path, { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
  }

  isEmpty(): boolean {
    return this.size.width === 0 || this.size.height === 0;
  }

  getSize(): { width: number; height: number } {
    return { ...this.size };
  }

  resize(to: { width?: number; height?: number }): FakeNativeImage {
    if (this.isEmpty()) return this;
    return new FakeNativeImage(this.path, { width: to.width ?? this.size.width, height: to.height ?? this.size.height });
  }
}

export interface FrameLike {
  url: string;
  parent: unknown;
}

export interface DragItem {
  file: string;
  files?: string[];
  icon: FakeNativeImage;
}

/** The windows and page contents main can see, and what the harness needs to drive them. */
export interface WindowWorld {
  journal: Journal;
  contents: FakeWebContents[];
  windows: FakeBrowserWindow[];
  /** Loads a URL the way Chromium would: app:// through the handler main gave `protocol.handle`. */
  fetchPage(url: string, init?: RequestInit): Promise<Response>;
  /** Electron's app `web-contents-created`, for every page contents, a window's or a guest's. */
  contentsCreated(contents: FakeWebContents): void;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  /** Every event main sent to this page. */
  readonly sent: [channel: string, payload: unknown][] = [];
  readonly drags: DragItem[] = [];
  /** A page whose `send` throws (as a destroyed or crashed renderer's can). */
  throwOnSend = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  lastLoad: Promise<Response> | undefined;

  constructor(private readonly world: WindowWorld) {
    super();
    world.contents.push(this);
    world.contentsCreated(this);
  }

  get mainFrame(): FrameLike {
    return { url: this.url, parent: null };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, payload: unknown): void {
    if (this.throwOnSend) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    // IPC carries structured clones: a payload that cannot be cloned throws here, as in Electron.
    this.sent.push([channel, structuredClone(payload)]);
  }

  startDrag(item: DragItem): void {
    this.world.journal.note('webContents.startDrag', item);
    if (!item.icon || item.icon.isEmpty()) throw new Error("Must specify non-empty 'icon' option");
    if (!item.file && !item.files?.length) throw new Error("Must specify either 'file' or 'files' option");
    this.drags.push(item);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  loadURL(url: string): Promise<void> {
    this.world.journal.note('webContents.loadURL', url);
    this.url = url;
    this.lastLoad = this.world.fetchPage(url);
    return this.lastLoad.then(() => undefined);
  }

  /** Plays a navigation the page starts: true when main let it go ahead. */
  navigate(url: string): boolean {
    const event = electronEvent();
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
}

/** Subclassed per run of main (`windowClassFor`), so each run has a world of its own. */
export class FakeBrowserWindow extends EventEmitter {
  static world: WindowWorld;
  readonly webContents: FakeWebContents;
  minimized = false;
  visible = false;
  destroyed = false;
  focusCount = 0;
  progress: number | undefined;

  constructor(readonly options: Record<string, unknown>) {
    super();
    const world = (new.target as typeof FakeBrowserWindow).world;
    world.journal.note('new BrowserWindow', options);
    this.webContents = new FakeWebContents(world);
    world.windows.push(this);
    setImmediate(() => this.emit('ready-to-show'));
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return this.world.windows.filter((w) => !w.destroyed);
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return null;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focusCount++;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setProgressBar(value: number): void {
    this.progress = value;
  }

  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export function windowClassFor(world: WindowWorld): typeof FakeBrowserWindow {
  return class BrowserWindow extends FakeBrowserWindow {
    static override world = world;
  };
}
