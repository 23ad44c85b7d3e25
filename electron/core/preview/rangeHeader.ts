/** One byte range of a file of `size` bytes, `end` exclusive. */
export interface ByteSpan {
  start: number;
  end: number;
}

/**
 * The one range of an HTTP `Range` header (`bytes=a-b`, `bytes=a-`, `bytes=-n`) within a file
 * of `size` bytes: `undefined` for the whole file (no header, another unit, or a range that
 * ends before it starts, which RFC 9110 has ignored), `'unsatisfiable'` for a range outside the
 * file or one that cannot be read. Several ranges are served as the first one's span, which
 * media elements never ask for anyway.
 */
export function parseRange(header: string | undefined, size: number): ByteSpan | 'unsatisfiable' | undefined {
  if (!header || !/^bytes=/i.test(header.trim())) return undefined;
  // The first range and nothing else but further ranges (ignored): `bytes=0-5x` is malformed.
  const match = /^bytes=(\d*)-(\d*)(?:,.*)?$/i.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'unsatisfiable';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(match[1]);
  // `bytes=5-3` is not a valid range, and RFC 9110 has an invalid Range ignored: the whole file, 200.
  if (match[2] !== '' && Number(match[2]) < start) return undefined;
  const end = match[2] === '' ? size : Math.min(size, Number(match[2]) + 1);
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
