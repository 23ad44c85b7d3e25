/** Main's answer to a preview stream's request when the core cannot give a whole one. */
import { describe, expect, it } from 'vitest';
import { previewResponse } from '../../electron/main/previewResponse.js';
import type { PreviewHead } from '../../electron/core/process/coreProtocol.js';

const token = 'ab'.repeat(32);
const path = `/preview/${token}`;

/** A core process as main's protocol talks to it: `open` answers the head, `pieces` the pulls in turn. */
function coreWith(open: () => Promise<PreviewHead>, pieces: (() => Promise<Uint8Array | null>)[] = []) {
  const cancelled: number[] = [];
  return {
    cancelled,
    openPreview: open,
    pullPreview: () => (pieces.shift() ?? (() => Promise.resolve(null)))(),
    cancelPreview: (stream: number) => void cancelled.push(stream),
  };
}

describe('a preview stream answered by main', () => {
  it('answers 502, never cached, when the core cannot answer (gone, restarting)', async () => {
    const response = await previewResponse(coreWith(() => Promise.reject(new Error('The core process stopped.'))), path, null);
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
  });

  it("passes on the core's 409 for a file that changed, with no body", async () => {
    const core = coreWith(async () => ({ status: 409, headers: { 'cache-control': 'no-store' } }));
    const response = await previewResponse(core, path, 'bytes=0-9');
    expect(response.status).toBe(409);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toBeNull();
  });

  it('refuses a token the core never makes without asking it', async () => {
    let asked = false;
    const response = await previewResponse(coreWith(async () => ((asked = true), { status: 200, headers: {} })), '/preview/..%2Fetc', null);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(asked).toBe(false);
  });

  it('fails the body when the core stops serving it midway, instead of ending it short', async () => {
    const core = coreWith(async () => ({ stream: 7, status: 200, headers: { 'content-length': '8' } }), [
      async () => new Uint8Array([1, 2, 3, 4]),
      () => Promise.reject(new Error('This preview stream has ended: close the preview and open it again.')),
    ]);
    const response = await previewResponse(core, path, null);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow('This preview stream has ended');
  });

  it('streams a whole body piece by piece, and tells the core when its reader stops', async () => {
    const whole = coreWith(async () => ({ stream: 3, status: 206, headers: {} }), [async () => new Uint8Array([1, 2]), async () => new Uint8Array([3])]);
    expect([...new Uint8Array(await (await previewResponse(whole, path, 'bytes=0-2')).arrayBuffer())]).toEqual([1, 2, 3]);
    const stopped = coreWith(async () => ({ stream: 4, status: 200, headers: {} }), [async () => new Uint8Array([1])]);
    await (await previewResponse(stopped, path, null)).body!.cancel();
    expect(stopped.cancelled).toEqual([4]);
  });
});
