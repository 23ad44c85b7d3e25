/**
 * Quitting waits on the core process's shutdown: it must end whether the process answers,
 * hangs, or is already gone (after main gave up restarting it, nothing answers any more).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { FromCoreProcess, ToCoreProcess } from '../../electron/core/process/coreProtocol.js';
import { startRemoteCore, type CoreProcessChild } from '../../electron/main/remoteCore.js';
import { createHeadlessSecretBox } from '../bridge/headlessSecretBox.js';

/** A core process as Electron's utility process behaves: once it has exited, messages and kill do nothing. */
class FakeChild extends EventEmitter implements CoreProcessChild {
  exited = false;
  readonly received: ToCoreProcess[] = [];

  constructor(private readonly answersShutdown: boolean) {
    super();
  }

  send(message: ToCoreProcess): void {
    if (this.exited) return;
    this.received.push(message);
    if (message.t === 'start') setImmediate(() => this.reply({ t: 'ready' }));
    if (message.t === 'shutdown' && this.answersShutdown) {
      setImmediate(() => {
        this.reply({ t: 'reply', id: message.id, ok: true, value: undefined });
        this.exit(0);
      });
    }
  }

  onMessage(listener: (message: FromCoreProcess) => void): void {
    this.on('message', listener);
  }

  onExit(listener: (code: number | null) => void): void {
    this.on('exit', listener);
  }

  kill(): void {
    if (!this.exited) this.exit(null);
  }

  crash(): void {
    this.exit(1);
  }

  private reply(message: FromCoreProcess): void {
    if (!this.exited) this.emit('message', message);
  }

  private exit(code: number | null): void {
    this.exited = true;
    this.emit('exit', code);
  }
}

const host = {
  setup: { dataDir: '/nonexistent', homeDir: '/nonexistent', appVersion: '0.0.0-test', platform: process.platform },
  secretBox: createHeadlessSecretBox(),
  dialogs: { chooseFolder: async () => null },
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('the core process shutdown', () => {
  it('asks the process to save and end, and resolves once it has', async () => {
    const children: FakeChild[] = [];
    const core = await startRemoteCore(() => children[children.push(new FakeChild(true)) - 1]!, host);
    await core.shutdown();
    expect(children[0]!.received.map((m) => m.t)).toEqual(['start', 'shutdown']);
    expect(children[0]!.exited).toBe(true);
  });

  it('resolves at once after main gave up restarting a process that kept dying', async () => {
    const children: FakeChild[] = [];
    const lines: string[] = [];
    const core = await startRemoteCore(() => children[children.push(new FakeChild(true)) - 1]!, host, (line) => lines.push(line));
    for (let i = 0; i < 4; i++) {
      children.at(-1)!.crash();
      await settle();
    }
    expect(children).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/not restarting/);
    const ended = await Promise.race([core.shutdown().then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1_000))]);
    expect(ended).toBe('ended');
  });

  it('resolves when the process dies while it shuts down', async () => {
    const children: FakeChild[] = [];
    const core = await startRemoteCore(() => children[children.push(new FakeChild(false)) - 1]!, host);
    const done = core.shutdown();
    await settle();
    children[0]!.crash();
    await expect(done).resolves.toBeUndefined();
    expect(children).toHaveLength(1);
  });
});
