/**
 * The head of an HTTP/1.1 answer, for the plain-HTTP fast paths (`plainHttpRanges.ts`,
 * `plainHttpPool.ts`). They act on a success's status and a few headers only; every other
 * answer goes back to the SDK, whose parser reads errors.
 */
export interface ResponseHead {
  status: number;
  /** Lower-cased names. */
  headers: Map<string, string>;
}

export const headEnd = Buffer.from('\r\n\r\n');

/** The status line and headers (the text before the blank line); undefined if it is not HTTP/1.x. */
export function parseResponseHead(text: string): ResponseHead | undefined {
  const [statusLine, ...lines] = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3}) /.exec(statusLine ?? '');
  if (!status) return undefined;
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(status[1]), headers };
}

/** Whether the connection can carry another request once this answer's body is read. */
export function keepsAlive(head: ResponseHead): boolean {
  return head.headers.get('connection')?.toLowerCase() !== 'close';
}
