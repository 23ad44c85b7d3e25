import { describe, expect, it } from 'vitest';
import { EventBatch } from '../../electron/core/process/eventBatch.js';

const changed = (id: string, state: string) => ['transfers:changed', { id, state }] as const;

describe('the core process event batch', () => {
  it('keeps order, and only the latest snapshot of a transfer, moved to the end', () => {
    const batch = new EventBatch();
    batch.add(...changed('a', 'queued'));
    batch.add(...changed('b', 'queued'));
    batch.add('transfers:progress', [{ id: 'a', state: 'running', bytesDone: 5 }]);
    batch.add(...changed('a', 'completed'));
    expect(batch.size).toBe(3);
    expect(batch.take()).toEqual([changed('b', 'queued'), ['transfers:progress', [{ id: 'a', state: 'running', bytesDone: 5 }]], changed('a', 'completed')]);
  });

  it('starts empty again after take, and passes other events through untouched', () => {
    const batch = new EventBatch();
    batch.add('transfers:conflict', { id: 'a' });
    batch.add('transfers:conflict', { id: 'a' });
    expect(batch.take()).toHaveLength(2);
    expect(batch.size).toBe(0);
    batch.add(...changed('a', 'running'));
    expect(batch.take()).toEqual([changed('a', 'running')]);
  });
});
