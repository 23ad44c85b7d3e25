import { describe, expect, it } from 'vitest';
import { parseLastSession, sessionToSave } from '../../renderer/src/features/panes/lastSession.js';

describe('the last session, as saved', () => {
  it('keeps ids and folders only, and the connection shown', () => {
    const saved = sessionToSave(
      [
        { id: 'c0ffee00-0000-4000-8000-000000000001', path: '/photos/2024/' },
        { id: 'local-2', path: '/home/ana/Downloads' },
      ],
      new Map(),
      'c0ffee00-0000-4000-8000-000000000001',
    );
    const text = JSON.stringify(saved);
    expect(JSON.parse(text)).toEqual({
      open: [
        { id: 'c0ffee00-0000-4000-8000-000000000001', path: '/photos/2024/' },
        { id: 'local-2', path: '/home/ana/Downloads' },
      ],
      shown: 'c0ffee00-0000-4000-8000-000000000001',
    });
    expect(parseLastSession(JSON.parse(text))).toEqual(saved);
  });

  it('keeps places not shown yet this run, after the open ones, without repeating one', () => {
    const waiting = new Map([
      ['b', '/logs/old/'],
      ['a', '/stale/'],
    ]);
    expect(sessionToSave([{ id: 'a', path: '/fresh/' }], waiting, null)).toEqual({
      open: [
        { id: 'a', path: '/fresh/' },
        { id: 'b', path: '/logs/old/' },
      ],
      shown: null,
    });
  });

  it('drops what it cannot trust: odd shapes, long ids, relative paths, repeats', () => {
    expect(parseLastSession(null)).toEqual({ open: [], shown: null });
    expect(parseLastSession('open')).toEqual({ open: [], shown: null });
    expect(parseLastSession({ open: 'x', shown: 7 })).toEqual({ open: [], shown: null });
    expect(
      parseLastSession({
        open: [
          { id: 'a', path: '/one/' },
          { id: 'a', path: '/two/' },
          { id: 'x'.repeat(65), path: '/long/' },
          { id: 'b', path: 'relative/' },
          { id: 'c', path: `/${'p'.repeat(5000)}` },
          null,
          { id: 'd', path: '/', secretAccessKey: 'never' },
        ],
        shown: 'a',
      }),
    ).toEqual({ open: [{ id: 'a', path: '/one/' }, { id: 'd', path: '/' }], shown: 'a' });
  });

  it('keeps at most 100 places', () => {
    const open = Array.from({ length: 150 }, (_, i) => ({ id: `id-${i}`, path: '/' }));
    expect(parseLastSession({ open }).open).toHaveLength(100);
    expect(sessionToSave(open, new Map(), null).open).toHaveLength(100);
  });
});
