import { describe, expect, it } from 'vitest';
import { parseResponseHead } from '../../electron/core/s3/plainHttpHead.js';
import { bodyLengthFor } from '../../electron/core/s3/plainHttpRanges.js';

const head = (lines: string[]) => parseResponseHead(lines.join('\r\n'));

describe('the head of a plain-HTTP range answer', () => {
  it('reads the status and headers, names lower-cased and values trimmed', () => {
    const parsed = head(['HTTP/1.1 206 Partial Content', 'Content-Length:  10 ', 'Content-Range: bytes 0-9/100', 'ETag: "a:b"']);
    expect(parsed?.status).toBe(206);
    expect(parsed?.headers.get('content-length')).toBe('10');
    expect(parsed?.headers.get('etag')).toBe('"a:b"');
  });

  it('is not HTTP without an HTTP/1.x status line', () => {
    expect(head(['SSH-2.0-OpenSSH_9.2'])).toBeUndefined();
    expect(head(['HTTP/2 200 ', 'content-length: 1'])).toBeUndefined();
  });

  it('takes only the range asked for, with a plain body', () => {
    const ok = head(['HTTP/1.1 206 Partial Content', 'Content-Length: 10', 'Content-Range: bytes 20-29/100'])!;
    expect(bodyLengthFor(ok, 20, 30)).toBe(10);
    expect(bodyLengthFor(ok, 0, 10)).toBeUndefined();
    const otherRange = head(['HTTP/1.1 206 Partial Content', 'Content-Length: 10', 'Content-Range: bytes 30-39/100'])!;
    expect(bodyLengthFor(otherRange, 20, 30)).toBeUndefined();
    const chunked = head(['HTTP/1.1 206 Partial Content', 'Content-Length: 10', 'Transfer-Encoding: chunked', 'Content-Range: bytes 20-29/100'])!;
    expect(bodyLengthFor(chunked, 20, 30)).toBeUndefined();
  });

  it('takes a whole-object 200 only for a range from byte 0 of that length', () => {
    const whole = head(['HTTP/1.1 200 OK', 'Content-Length: 100'])!;
    expect(bodyLengthFor(whole, 0, 100)).toBe(100);
    expect(bodyLengthFor(whole, 0, 50)).toBeUndefined();
    expect(bodyLengthFor(whole, 50, 150)).toBeUndefined();
  });

  it('declines errors and redirects, whatever their length', () => {
    for (const status of ['301 Moved Permanently', '403 Forbidden', '412 Precondition Failed', '503 Slow Down']) {
      expect(bodyLengthFor(head([`HTTP/1.1 ${status}`, 'Content-Length: 10', 'Content-Range: bytes 0-9/10'])!, 0, 10)).toBeUndefined();
    }
  });
});
