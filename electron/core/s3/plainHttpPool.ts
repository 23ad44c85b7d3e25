import { connect, type Socket } from 'node:net';
import { cancelledError, codedError } from '../errors.js';
import { headEnd, keepsAlive, parseResponseHead, type ResponseHead } from './plainHttpHead.js';

/** A failure before any byte of the answer arrived: on a kept-alive connection, the server had closed it. */
class Unanswered extends Error {
  constructor(readonly reason: Error) {
    super(reason.message);
  }
}

const reasonOf = (error: unknown) => (error instanceof Unanswered ? error.reason : error);

/** Longer than any head S3 sends; more is not an answer to read here. */
const maxHead = 64 * 1024;

/**
 * Kept-alive plain-HTTP connections to one server, for requests that send a small body and
 * read only the head of the answer (a PUT of a small file). One request per connection at
 * a time; a connection goes back to the pool only after a 2xx whose body was read to its
 * Content-Length, and closes after `keepIdleMs` unused.
 */
export class PlainHttpPool {
  private readonly idle: Socket[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs = 60_000,
    private readonly keepIdleMs = 5_000,
  ) {}

  /** Sends `head` (request line and headers, ending in the blank line) and `body`; answers the head of the answer. */
  async send(head: string, body: Buffer, signal: AbortSignal): Promise<ResponseHead> {
    const reused = this.idle.pop();
    if (reused) {
      try {
        return await this.exchange(reused, head, body, signal);
      } catch (error) {
        if (!(error instanceof Unanswered) || signal.aborted) throw reasonOf(error);
        // The server had closed the connection meanwhile: once more on a new one.
      }
    }
    try {
      return await this.exchange(this.connect(), head, body, signal);
    } catch (error) {
      throw reasonOf(error);
    }
  }

  close(): void {
    for (const socket of this.idle.splice(0)) socket.destroy();
  }

  private connect(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('timeout', () => socket.destroy(codedError('network', 'coreS3:service.timedOut')));
    // Errors reach the exchange in progress; an idle connection just goes.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const at = this.idle.indexOf(socket);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return socket;
  }

  private exchange(socket: Socket, head: string, body: Buffer, signal: AbortSignal): Promise<ResponseHead> {
    return new Promise((resolve, reject) => {
      let received: Buffer | undefined;
      let answer: ResponseHead | undefined;
      let bodyLeft = 0;
      const detach = () => {
        socket.off('data', onData).off('error', fail).off('close', onClose);
        signal.removeEventListener('abort', onAbort);
      };
      const fail = (error: Error) => {
        detach();
        socket.destroy();
        reject(received ? error : new Unanswered(error));
      };
      const onClose = () => fail(codedError('network', 'coreS3:http.closedBeforeAnswer'));
      const onAbort = () => fail(cancelledError());
      const onData = (chunk: Buffer) => {
        if (!answer) {
          received = received ? Buffer.concat([received, chunk]) : chunk;
          const at = received.indexOf(headEnd);
          if (at < 0) {
            if (received.length > maxHead) fail(codedError('network', 'coreS3:http.headersTooLarge'));
            return;
          }
          answer = parseResponseHead(received.toString('latin1', 0, at));
          if (!answer) return fail(codedError('network', 'coreS3:http.notHttp'));
          const length = Number(answer.headers.get('content-length') ?? NaN);
          const reusable = answer.status < 300 && keepsAlive(answer) && Number.isSafeInteger(length) && !answer.headers.has('transfer-encoding');
          if (!reusable) return this.finish(socket, detach, false, () => resolve(answer!));
          bodyLeft = length - (received.length - at - headEnd.length);
        } else bodyLeft -= chunk.length;
        if (bodyLeft <= 0) this.finish(socket, detach, bodyLeft === 0, () => resolve(answer!));
      };
      if (signal.aborted) return onAbort();
      socket.on('data', onData).on('error', fail).on('close', onClose);
      signal.addEventListener('abort', onAbort, { once: true });
      socket.ref();
      socket.setTimeout(this.timeoutMs);
      // One write for both, so the server reads the request in one go.
      socket.cork();
      socket.write(head);
      socket.write(body);
      socket.uncork();
    });
  }

  /** Ends an exchange: the connection back to the pool (unreferenced, closing when unused) or closed. */
  private finish(socket: Socket, detach: () => void, keep: boolean, answer: () => void): void {
    detach();
    if (keep) {
      socket.setTimeout(this.keepIdleMs);
      socket.unref();
      this.idle.push(socket);
    } else socket.destroy();
    answer();
  }
}
