import type { Client } from 'ssh2';
import { cancelledError } from '../errors.js';
import { SftpChannel } from './sftpChannel.js';

export interface SftpChannelPoolOptions {
  /**
   * Transfer channels open at once. OpenSSH allows 10 sessions per connection by
   * default (MaxSessions), and browsing holds one.
   */
  maxTransferChannels?: number;
  /** Idle transfer channels are closed after this long. */
  idleMs?: number;
}

interface Waiter {
  resolve: (channel: SftpChannel) => void;
  reject: (error: unknown) => void;
}

/**
 * SFTP channels on one SSH connection: one for browsing, and one per running transfer so a
 * big transfer never queues behind (or in front of) a folder listing.
 */
export class SftpChannelPool {
  private browsing: Promise<SftpChannel> | undefined;
  private readonly idle: { channel: SftpChannel; timer: NodeJS.Timeout }[] = [];
  private busy = 0;
  private readonly waiters: Waiter[] = [];
  private closed = false;
  readonly maxTransferChannels: number;
  private readonly idleMs: number;

  constructor(
    private readonly client: Client,
    options: SftpChannelPoolOptions = {},
  ) {
    this.maxTransferChannels = options.maxTransferChannels ?? 8;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** The shared browsing channel, reopened if the server closed it. */
  async browse(): Promise<SftpChannel> {
    const pending = this.browsing;
    if (pending) {
      const current = await pending.catch(() => undefined);
      if (current && !current.closed) return current;
      // Another caller may have replaced it meanwhile: use theirs.
      if (this.browsing !== pending) return this.browse();
    }
    this.browsing = this.open();
    this.browsing.catch(() => {
      this.browsing = undefined;
    });
    return this.browsing;
  }

  /** A channel of its own for one transfer; give it back with `release`. */
  async acquire(signal?: AbortSignal): Promise<SftpChannel> {
    if (signal?.aborted) throw cancelledError();
    while (this.idle.length > 0) {
      const { channel, timer } = this.idle.pop()!;
      clearTimeout(timer);
      if (!channel.closed) {
        this.busy++;
        return channel;
      }
    }
    if (this.busy < this.maxTransferChannels) {
      this.busy++;
      try {
        return await this.open();
      } catch (error) {
        this.busy--;
        this.wakeNext();
        throw error;
      }
    }
    return new Promise<SftpChannel>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (channel) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(channel);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /**
   * Up to `count` more channels for one large transfer, only those to be had without waiting
   * and while half the pool stays free for other transfers; each goes back with `release`.
   */
  async lend(count: number): Promise<SftpChannel[]> {
    const spare = Math.min(count, this.maxTransferChannels - this.busy - Math.ceil(this.maxTransferChannels / 2));
    const lent: SftpChannel[] = [];
    for (let i = 0; i < spare && this.waiters.length === 0 && this.busy < this.maxTransferChannels; i++) {
      const channel = await this.acquire().catch(() => undefined);
      if (!channel) break;
      lent.push(channel);
    }
    return lent;
  }

  /** `reusable: false` when requests may still be in flight on it (a cancelled transfer). */
  release(channel: SftpChannel, reusable: boolean): void {
    this.busy--;
    if (!reusable || channel.closed || this.closed) {
      if (!channel.closed) channel.end();
    } else {
      const timer = setTimeout(() => this.dropIdle(channel), this.idleMs);
      timer.unref();
      this.idle.push({ channel, timer });
    }
    this.wakeNext();
  }

  closeAll(): void {
    this.closed = true;
    for (const { channel, timer } of this.idle.splice(0)) {
      clearTimeout(timer);
      channel.end();
    }
    for (const waiter of this.waiters.splice(0)) waiter.reject(cancelledError());
    void this.browsing?.then((channel) => channel.end()).catch(() => undefined);
  }

  private wakeNext(): void {
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.acquire().then(waiter.resolve, waiter.reject);
  }

  private dropIdle(channel: SftpChannel): void {
    const at = this.idle.findIndex((entry) => entry.channel === channel);
    if (at >= 0) this.idle.splice(at, 1);
    channel.end();
  }

  private open(): Promise<SftpChannel> {
    if (this.closed) return Promise.reject(new Error('Not connected'));
    return new Promise((resolve, reject) => {
      this.client.sftp((err, sftp) => (err ? reject(err) : resolve(new SftpChannel(sftp))));
    });
  }
}
