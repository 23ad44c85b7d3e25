import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { createDispatcher, type Handlers } from '../../electron/core/ipc/dispatch.js';
import { s3ErrorTranslator } from '../../electron/core/s3/s3Errors.js';

const calls: unknown[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, channel) => async (request: unknown) => {
    calls.push([channel, request]);
    if (channel === 'fs:list') throw Object.assign(new Error('boom'), { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    if (channel === 'connections:delete') throw new AppError('notFound', 'That connection no longer exists.');
    if (channel === 'transfers:list') throw new Error('unexpected\n    at secret/stack/frame.js:1:1');
    return 'fine';
  },
});
const dispatch = createDispatcher(handlers, [s3ErrorTranslator]);

describe('dispatch: the one door into the core', () => {
  it('refuses unknown operations', async () => {
    expect(await dispatch('fs:format', {})).toEqual({ ok: false, error: { kind: 'invalidInput', code: 'coreIpc:unknownOperation', message: 'Unknown operation.' } });
    expect(await dispatch({ toString: () => 'app:info' }, {})).toMatchObject({ ok: false });
  });

  it('validates payloads against the contract before any handler runs', async () => {
    calls.length = 0;
    const bad = await dispatch('fs:list', { connectionId: 42, path: '/' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(await dispatch('app:info', { extra: true })).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(await dispatch('fs:mkdir', { connectionId: 'c', parentPath: '/b/', name: 'a/b' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('cannot contain') },
    });
    expect(calls).toEqual([]);
    expect(await dispatch('app:info', {})).toEqual({ ok: true, value: 'fine' });
  });

  it('turns failures into a kind and a human sentence, never a stack', async () => {
    expect(await dispatch('fs:list', { connectionId: 'c', path: '/' })).toEqual({
      ok: false,
      error: { kind: 'auth', code: 'coreS3:service.wrongKeys', message: 'The access key or secret key is wrong.' },
    });
    expect(await dispatch('connections:delete', { id: 'x' })).toEqual({
      ok: false,
      error: { kind: 'notFound', message: 'That connection no longer exists.' },
    });
    const internal = await dispatch('transfers:list', {});
    expect(internal).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('stack/frame');
  });
});
