import type { Dispatcher } from 'undici';

/**
 * One request through a direct dispatcher, sent once more when its connection broke before
 * any answer: a server closes a kept-alive connection it finds idle just as the next
 * request goes out on it. A ranged GET or a plain PUT of a body in memory is the same
 * request when sent again; a conditional write is not (the first may have landed, and the
 * second would be refused over it), so it is sent once and a broken connection goes to the
 * caller, whose fallback finds out what landed.
 */
export async function directRequest(dispatcher: Dispatcher, request: Omit<Dispatcher.RequestOptions, 'signal'>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  try {
    return await dispatcher.request({ ...request, signal });
  } catch (error) {
    const conditionalWrite = request.method !== 'GET' && Object.keys(request.headers ?? {}).some((name) => /^if-/i.test(name));
    if ((error as { code?: string }).code !== 'UND_ERR_SOCKET' || signal.aborted || conditionalWrite) throw error;
    return dispatcher.request({ ...request, signal });
  }
}

/** One header of an undici answer (names are lower-cased there). */
export function headerOf(answer: Pick<Dispatcher.ResponseData, 'headers'>, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
