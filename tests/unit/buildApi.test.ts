import { describe, expect, it } from 'vitest';
import { buildApi, type Transport } from '../../shared/api.js';
import { eventChannels, invokeChannels } from '../../shared/channels.js';

function recordingTransport() {
  const invoked: [string, unknown][] = [];
  const subscribed: string[] = [];
  const unsubscribed: string[] = [];
  const transport: Transport = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      return { ok: true, value: channel };
    },
    subscribe: (channel, listener) => {
      subscribed.push(channel);
      listener({ from: channel });
      return () => unsubscribed.push(channel);
    },
    pathForDroppedFile: async () => '/dropped',
  };
  return { transport, invoked, subscribed, unsubscribed };
}

describe('the window.stowage API', () => {
  it('has one named function per operation, grouped by domain, and nothing generic', async () => {
    const { transport, invoked } = recordingTransport();
    const api = buildApi(transport) as unknown as Record<string, Record<string, unknown>>;
    for (const channel of invokeChannels) {
      const [domain, op] = channel.split(':') as [string, string];
      expect(typeof api[domain]?.[op], channel).toBe('function');
    }
    expect(Object.keys(api).flatMap((d) => Object.keys(api[d]!))).not.toContain('invoke');
    await (api.fs!.list as (r: unknown) => Promise<unknown>)({ connectionId: 'c', path: '/' });
    expect(invoked).toEqual([['fs:list', { connectionId: 'c', path: '/' }]]);
  });

  it('has an on<Event> listener per event that returns its unsubscribe function', () => {
    const { transport, subscribed, unsubscribed } = recordingTransport();
    const api = buildApi(transport) as unknown as Record<string, Record<string, (cb: (p: unknown) => void) => () => void>>;
    for (const channel of eventChannels) {
      const [domain, event] = channel.split(':') as [string, string];
      const name = `on${event[0]!.toUpperCase()}${event.slice(1)}`;
      const seen: unknown[] = [];
      const unsubscribe = api[domain]![name]!((p) => seen.push(p));
      expect(seen).toEqual([{ from: channel }]);
      unsubscribe();
    }
    expect(subscribed).toEqual(eventChannels);
    expect(unsubscribed).toEqual(eventChannels);
  });

  it('refuses a listener that is not a function', () => {
    const api = buildApi(recordingTransport().transport);
    expect(() => api.transfers.onProgress('nope' as never)).toThrow(TypeError);
  });
});
