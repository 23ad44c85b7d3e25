import type { InvokeChannel } from '../../shared/channels.js';
import type { Request, Response } from '../../shared/contract.js';
import type { IpcError } from '../../shared/errors.js';
import type { Dispatcher } from '../../electron/core/ipc/dispatch.js';

/** Calls the core exactly as the renderer does (through dispatch), unwrapping results. */
export function coreClient(core: { dispatch: Dispatcher }) {
  return async function call<C extends InvokeChannel>(channel: C, request: Request<C>): Promise<Response<C>> {
    const result = await core.dispatch(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { ipc: result.error });
    return result.value as Response<C>;
  };
}

/** The `{ kind, message }` a failing call sends back. */
export async function failureOf(promise: Promise<unknown>): Promise<IpcError> {
  try {
    await promise;
  } catch (error) {
    const ipc = (error as { ipc?: IpcError }).ipc;
    if (ipc) return ipc;
    throw error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
