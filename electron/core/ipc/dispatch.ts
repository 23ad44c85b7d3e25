import type { z } from 'zod';
import { isInvokeChannel, type InvokeChannel } from '../../../shared/channels.js';
import { operations, type ParsedRequest, type Response } from '../../../shared/contract.js';
import type { Result } from '../../../shared/errors.js';
import { toIpcError, type ErrorTranslator } from '../errors.js';

export type Handlers = { [C in InvokeChannel]: (request: ParsedRequest<C>) => Promise<Response<C>> | Response<C> };

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request is not valid.';
  const where = first.path.length ? ` (${first.path.join('.')})` : '';
  return `The request is not valid: ${first.message}${where}.`;
}

/** Checks the channel and validates the payload against the contract (main does it before forwarding, the core again). */
export function parseRequest(channel: unknown, payload: unknown): Result<unknown> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: { kind: 'invalidInput', message: 'Unknown operation.' } };
  }
  const parsed = operations[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: { kind: 'invalidInput', message: describeIssues(parsed.error) } };
  }
  return { ok: true, value: parsed.data };
}

export interface Dispatcher {
  (channel: unknown, payload: unknown): Promise<Result<unknown>>;
}

/**
 * The one door into the core, for Electron IPC and the e2e bridge alike: checks the
 * channel, validates the payload against the contract's schema, runs the handler and
 * turns any failure into `{ kind, message }`. Payloads are never logged: they may hold secrets.
 */
export function createDispatcher(
  handlers: Handlers,
  translators: ErrorTranslator[],
  log: (line: string) => void = () => undefined,
): Dispatcher {
  return async (channel, payload) => {
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[channel as InvokeChannel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.value) };
    } catch (error) {
      const ipcError = toIpcError(error, translators);
      log(`${channel} failed: ${ipcError.kind}: ${ipcError.message}`);
      return { ok: false, error: ipcError };
    }
  };
}
