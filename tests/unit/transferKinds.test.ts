import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTransferSettings, detailText } from '../../shared/transfers.js';
import { EventBus } from '../../electron/core/events.js';
import { TransferQueue } from '../../electron/core/transfers/transferQueue.js';
import { makeTempDir } from '../support/tempDir.js';

const noSessions = {
  get(): never {
    throw new Error('no session in this test');
  },
};

describe('the saved queue', () => {
  it('loads a queue saved before storage class jobs existed, and one holding them, unchanged but paused', async () => {
    const dir = await makeTempDir('queue-kinds');
    try {
      const old = { id: 'up-1', direction: 'upload', connectionId: 'c', name: 'a.bin', localPath: '/l/a.bin', remotePath: '/b/a.bin', size: 10, bytesDone: 4, rate: 9, state: 'running', createdAt: 1 };
      const change = { id: 'sc-1', direction: 'storageClass', connectionId: 'c', name: 'x.txt', localPath: '', remotePath: '/b/x.txt', storageClass: 'GLACIER_IR', size: 3, bytesDone: 0, rate: 0, state: 'queued', createdAt: 2 };
      const done = { ...change, id: 'sc-2', state: 'completed', bytesDone: 3, finishedAt: 3 };
      await writeFile(join(dir.path, 'transfers.json'), JSON.stringify({ version: 1, settings: defaultTransferSettings, jobs: [{ snapshot: old }, { snapshot: change }, { snapshot: done }] }));
      const queue = new TransferQueue(noSessions, new EventBus(), { dataDir: dir.path });
      await queue.restore();
      const byId = Object.fromEntries(queue.list().map((t) => [t.id, t]));
      expect(byId['up-1']).toMatchObject({ direction: 'upload', localPath: '/l/a.bin', bytesDone: 4, state: 'paused', rate: 0 });
      expect(byId['sc-1']).toMatchObject({ direction: 'storageClass', storageClass: 'GLACIER_IR', remotePath: '/b/x.txt', state: 'paused' });
      expect(byId['sc-2']).toMatchObject({ direction: 'storageClass', state: 'completed' });
      await queue.dispose();
    } finally {
      await dir.remove();
    }
  });

  it('shows the English notes of a queue saved before notes had keys as they were, and gives a restored transfer its note by key', async () => {
    const dir = await makeTempDir('queue-notes');
    try {
      const failed = { id: 'dl-1', direction: 'download', connectionId: 'c', name: 'a.bin', localPath: '/l/a.bin', remotePath: '/b/a.bin', size: 10, bytesDone: 4, rate: 0, state: 'failed', createdAt: 1, detail: 'Resumed at byte 4.' };
      const running = { ...failed, id: 'dl-2', state: 'running', detail: undefined };
      await writeFile(join(dir.path, 'transfers.json'), JSON.stringify({ version: 1, settings: defaultTransferSettings, jobs: [{ snapshot: failed }, { snapshot: running }] }));
      const queue = new TransferQueue(noSessions, new EventBus(), { dataDir: dir.path });
      await queue.restore();
      const byId = Object.fromEntries(queue.list().map((t) => [t.id, t]));
      expect(byId['dl-1']!.detail).toEqual([{ key: '', text: 'Resumed at byte 4.' }]);
      expect(byId['dl-2']!.detail).toEqual([{ key: 'coreTransfers:notes.stoppedOnClose', text: 'Stopped when Stowage closed: resume to continue.' }]);
      expect(detailText(byId['dl-2']!)).toBe('Stopped when Stowage closed: resume to continue.');
      await queue.dispose();
    } finally {
      await dir.remove();
    }
  });
});
