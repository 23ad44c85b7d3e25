import { connect, type Socket } from 'node:net';
import { cancelledError, codedError, throwIfAborted } from '../errors.js';
import { headEnd, keepsAlive, parseResponseHead, type ResponseHead } from './plainHttpHead.js';
import { socketHost } from './s3Client.js';

/**
 * Ranged GETs from a plain-HTTP endpoint (a MinIO or Ceph gateway on the LAN), read straight
 * off the socket into two write blocks that are reused for the whole download.
 *
 * node:http allocates a fresh buffer for every socket read and copies the body again in its
 * parser: two buffers of garbage for every byte downloaded, and most of a download's CPU
 * (figures in tests/bench/BENCHMARKS.md).
 *
 * Only the head of a successful answer is read here. Any other answer (an error, a redirect,
 * a chunked body, a range the server did not honour) is `declined` before a byte of it is
 * written, and the caller asks the SDK again, which reads errors properly. TLS sockets do
 * not take a user buffer, so https endpoints always go through the SDK; so do endpoints a
 * proxy applies to (this reader connects straight to the endpoint: see plainHttpEndpoint).
 */
export interface RangeRequest {
  /** A presigned GET URL (http:). */
  url: URL;
  /** Sent as they are, unsigned (Range is added from `start` and `end`). */
  headers: Record<string, string>;
  start: number;
  /** Exclusive. */
  end: number;
}

/** Takes a full (or the last) block of body: `length` bytes of `block`, which is reused once this resolves. */
export type BlockSink = (block: Buffer, length: number) => Promise<void>;

/** The body length when `head` answers exactly the range asked for with a plain body, else undefined. */
export function bodyLengthFor(head: ResponseHead, start: number, end: number): number | undefined {
  const length = Number(head.headers.get('content-length') ?? NaN);
  if (head.headers.has('transfer-encoding') || length !== end - start) return undefined;
  if (head.status === 206) return head.headers.get('content-range')?.startsWith(`bytes ${start}-${end - 1}/`) ? length : undefined;
  return head.status === 200 && start === 0 ? length : undefined;
}

/** One exchange in progress on the connection. */
interface Exchange {
  socket: Socket;
  request: RangeRequest;
  sink: BlockSink;
  inHead: boolean;
  /** Body bytes not yet read. */
  remaining: number;
  keepAlive: boolean;
  /** The blocks handed to the sink, in order; settles when the last one is written. */
  written: Promise<void>;
  settle: (outcome: 'done' | 'declined' | Error) => void;
}

/**
 * One keep-alive connection for one download worker; `get` calls are sequential. A read
 * lands in the free space of the current block. A full block goes to the sink and reading
 * goes on into the other one, or pauses while both wait for the disk (or the bandwidth
 * limit). Whenever reading pauses, the buffer Node holds for the next read is the one that
 * read must land in: a block is never read into while the sink has it.
 */
export class PlainHttpRangeReader {
  private socket: Socket | undefined;
  private readonly blocks: [Buffer, Buffer];
  private current: Buffer;
  private filled = 0;
  /** Blocks the sink still holds. */
  private readonly busy = new Set<Buffer>();
  private waitingFor: Buffer | undefined;
  private exchange: Exchange | undefined;

  constructor(
    blockSize: number,
    private readonly idleTimeoutMs = 60_000,
  ) {
    this.blocks = [Buffer.allocUnsafe(blockSize), Buffer.allocUnsafe(blockSize)];
    this.current = this.blocks[0];
  }

  /** Fetches one range into `sink`; 'declined' when the answer was not that range (nothing was sunk). */
  async get(request: RangeRequest, sink: BlockSink, signal: AbortSignal): Promise<'done' | 'declined'> {
    // A header that would split the request (an ETag is the server's text) is the SDK's to refuse.
    if (Object.entries(request.headers).some(([name, value]) => /[\r\n]/.test(name + value))) return 'declined';
    const reused = this.socket !== undefined;
    const first = await this.exchangeOnce(request, sink, signal);
    if (typeof first === 'string') return first;
    // A kept-alive connection the server had closed meanwhile: once more on a new one.
    if (!reused || signal.aborted) throw first.unanswered;
    const second = await this.exchangeOnce(request, sink, signal);
    if (typeof second === 'string') return second;
    throw second.unanswered;
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  /** `unanswered`: the connection failed before a byte of the answer arrived. */
  private async exchangeOnce(request: RangeRequest, sink: BlockSink, signal: AbortSignal): Promise<'done' | 'declined' | { unanswered: Error }> {
    throwIfAborted(signal);
    // Every exchange ends with all sinks settled, so both blocks are free.
    this.busy.clear();
    this.waitingFor = undefined;
    const socket = this.socket ?? this.connect(request.url);
    const outcome = new Promise<'done' | 'declined' | Error>((settle) => {
      this.exchange = { socket, request, sink, inHead: true, remaining: 0, keepAlive: true, written: Promise.resolve(), settle };
    });
    const abort = () => socket.destroy(cancelledError());
    signal.addEventListener('abort', abort, { once: true });
    const { url, headers, start, end } = request;
    const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, `Range: bytes=${start}-${end - 1}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    this.resumeReading(socket);
    try {
      const result = await outcome;
      if (!(result instanceof Error)) return result;
      if (this.exchange?.inHead && this.filled === 0 && !signal.aborted) return { unanswered: result };
      throw result;
    } finally {
      signal.removeEventListener('abort', abort);
      this.exchange = undefined;
    }
  }

  private connect(url: URL): Socket {
    this.current = this.blocks[0];
    this.filled = 0;
    const socket = connect({
      host: socketHost(url.hostname),
      port: Number(url.port || 80),
      noDelay: true,
      onread: { buffer: () => this.current.subarray(this.filled), callback: (n): boolean => this.onRead(socket, n) },
    });
    socket.setTimeout(this.idleTimeoutMs, () => socket.destroy(codedError('network', 'coreS3:http.stalled')));
    const fail = (error: Error) => {
      if (this.socket === socket) this.socket = undefined;
      const ex = this.exchange;
      // Once the whole body is in, only the disk can fail the exchange.
      if (!ex || ex.socket !== socket || (!ex.inHead && ex.remaining === 0)) return;
      // The sink may still be writing a block: settle only when it is done with it.
      const settle = () => ex.settle(error);
      ex.written.then(settle, settle);
    };
    socket.on('error', fail);
    socket.on('end', () => socket.destroy());
    socket.on('close', () => fail(codedError('network', 'coreS3:http.closedMidRange')));
    this.socket = socket;
    return socket;
  }

  /** Answers false to pause reading. */
  private onRead(socket: Socket, n: number): boolean {
    const ex = this.exchange;
    if (!ex || ex.socket !== socket || (!ex.inHead && ex.remaining === 0)) {
      socket.destroy(codedError('network', 'coreS3:http.unaskedData'));
      return false;
    }
    this.filled += n;
    let fresh = n;
    if (ex.inHead) {
      const at = this.current.subarray(0, this.filled).indexOf(headEnd);
      if (at < 0) {
        if (this.filled < this.current.length) return true;
        socket.destroy(codedError('network', 'coreS3:http.headersTooLarge'));
        return false;
      }
      const head = parseResponseHead(this.current.toString('latin1', 0, at));
      const length = head && bodyLengthFor(head, ex.request.start, ex.request.end);
      if (!head || length === undefined) {
        // The body of this answer is not read, so the connection cannot carry another one.
        this.close();
        ex.settle('declined');
        return false;
      }
      ex.keepAlive = keepsAlive(head);
      ex.inHead = false;
      ex.remaining = length;
      this.current.copyWithin(0, at + headEnd.length, this.filled);
      this.filled -= at + headEnd.length;
      fresh = this.filled;
    }
    if (fresh > ex.remaining) {
      socket.destroy(codedError('network', 'coreS3:http.rangeTooLong'));
      return false;
    }
    ex.remaining -= fresh;
    if (this.filled < this.current.length && ex.remaining > 0) return true;
    this.handOff(ex, this.current, this.filled);
    const next = this.current === this.blocks[0] ? this.blocks[1] : this.blocks[0];
    if (ex.remaining === 0) {
      ex.written.then(() => {
        if (!ex.keepAlive) this.close();
        ex.settle('done');
      }, ex.settle);
      // The next exchange starts once the sink is done with both blocks.
      return this.pauseUntilFree(socket, this.blocks[0]);
    }
    return this.busy.has(next) ? this.pauseUntilFree(socket, next) : (this.readInto(next), true);
  }

  private handOff(ex: Exchange, block: Buffer, length: number): void {
    this.busy.add(block);
    ex.written = ex.written.then(() => ex.sink(block, length)).then(() => this.release(block));
    ex.written.catch((error: Error) => {
      this.close();
      ex.settle(error);
    });
  }

  private readInto(block: Buffer): void {
    this.current = block;
    this.filled = 0;
  }

  /** Points the next read at `block` and stops reading until the sink lets it go. */
  private pauseUntilFree(socket: Socket, block: Buffer): false {
    this.readInto(block);
    this.waitingFor = block;
    socket.setTimeout(0);
    return false;
  }

  private release(block: Buffer): void {
    this.busy.delete(block);
    if (this.waitingFor !== block || !this.socket || this.exchange?.remaining === 0) return;
    this.waitingFor = undefined;
    this.resumeReading(this.socket);
  }

  private resumeReading(socket: Socket): void {
    socket.setTimeout(this.idleTimeoutMs);
    socket.resume();
  }
}
