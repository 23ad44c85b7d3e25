import type { z } from 'zod';
import { isInvokeChannel, type InvokeChannel } from '../../../shared/channels.js';
import { operations, type ParsedRequest, type Response } from '../../../shared/contract.js';
import type { IpcError, Result } from '../../../shared/errors.js';
import { codedError, toIpcError, type ErrorTranslator } from '../errors.js';

export type Handlers = { [C in InvokeChannel]: (request: ParsedRequest<C>) => Promise<Response<C>> | Response<C> };

/** The contract's own refusals are catalog keys (shared/contract/fields.ts); zod's words are other messages. */
const contractRefusal = /^coreIpc:refused\.\w+$/;

/** The first problem of a payload as a whole sentence: the contract's refusal, else zod's words as detail. */
function refusalOf(error: z.ZodError): IpcError {
  const first = error.issues[0];
  if (!first) return toIpcError(codedError('invalidInput', 'coreIpc:request.invalid'));
  const path = first.path.join('.');
  // Every refusal sits on a field of the request object, so it always has a path.
  if (contractRefusal.test(first.message)) return toIpcError(codedError('invalidInput', first.message, { path }));
  if (!path) return toIpcError(codedError('invalidInput', 'coreIpc:request.invalidDetailNoPath', { detail: first.message }));
  return toIpcError(codedError('invalidInput', 'coreIpc:request.invalidDetail', { detail: first.message, path }));
}

/** Checks the channel and validates the payload against the contract (main does it before forwarding, the core again). */
export function parseRequest(channel: unknown, payload: unknown): Result<unknown> {
  if (!isInvokeChannel(channel)) {
    return { ok: false, error: toIpcError(codedError('invalidInput', 'coreIpc:unknownOperation')) };
  }
  const parsed = operations[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    return { ok: false, error: refusalOf(parsed.error) };
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
