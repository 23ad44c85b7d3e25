import { describe, expect, it } from 'vitest';
import { EventBus } from '../../electron/core/events.js';

describe('EventBus', () => {
  it('a listener that throws is reported, and every other listener still gets every event', () => {
    const reported: string[] = [];
    const bus = new EventBus((line) => reported.push(line));
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('window is gone');
    });
    bus.subscribe((channel, payload) => seen.push(`${channel}:${(payload as { id: string }).id}`));
    // A batch from the core process arrives as one loop of emits.
    const batch = ['a', 'b', 'c'].map((id) => ['transfers:changed', { id }] as const);
    expect(() => {
      for (const [channel, payload] of batch) bus.emit(channel, payload as never);
    }).not.toThrow();
    expect(seen).toEqual(['transfers:changed:a', 'transfers:changed:b', 'transfers:changed:c']);
    expect(reported).toHaveLength(3);
    expect(reported[0]).toMatch(/transfers:changed.*window is gone/);
  });

  it('an unsubscribed listener gets nothing more', () => {
    const bus = new EventBus(() => undefined);
    const seen: unknown[] = [];
    const unsubscribe = bus.subscribe((_channel, payload) => seen.push(payload));
    bus.emit('connections:changed', []);
    unsubscribe();
    bus.emit('connections:changed', []);
    expect(seen).toHaveLength(1);
  });
});
