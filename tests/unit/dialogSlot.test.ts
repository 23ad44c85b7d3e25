import { describe, expect, it } from 'vitest';
import { dialogSlot } from '../../renderer/src/lib/dialogSlot.js';

describe('dialogSlot: the one way a dialog is opened', () => {
  it('opens with arguments and answers the caller, then is closed', async () => {
    const slot = dialogSlot<{ name: string }, string | null>(null);
    const asked = slot.open({ name: 'a.txt' });
    expect(slot.current()).toEqual({ name: 'a.txt' });
    slot.answer('renamed.txt');
    await expect(asked).resolves.toBe('renamed.txt');
    expect(slot.current()).toBeNull();
  });

  it('close() answers the dismissed value', async () => {
    const slot = dialogSlot<string, boolean>(false);
    const asked = slot.open('delete?');
    slot.close();
    await expect(asked).resolves.toBe(false);
  });

  it('opening an open slot dismisses the earlier caller, so no promise is left pending', async () => {
    const slot = dialogSlot<number, string>('dismissed');
    const first = slot.open(1);
    const second = slot.open(2);
    await expect(first).resolves.toBe('dismissed');
    expect(slot.current()).toBe(2);
    slot.answer('done');
    await expect(second).resolves.toBe('done');
  });
});
