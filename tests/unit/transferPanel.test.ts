import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startI18n } from '../../renderer/src/i18n/i18n.js';
import type { TransferFolder, TransferSnapshot, TransferState } from '../../shared/transfers.js';
import { folderTotals, panelRows, folderKey } from '../../renderer/src/features/transfers/transferRows.js';
import { allTargetsOf, targetsOf } from '../../renderer/src/features/transfers/transferCommands.js';
import { activeText, finishedText } from '../../renderer/src/features/transfers/summaryText.js';
import { folderDetails } from '../../renderer/src/features/transfers/transferKind.js';
import { pickedFolderRoot } from '../../renderer/src/features/transfers/pickedFolder.js';
import { selectedTransfers, totals } from '../../renderer/src/features/transfers/transferStore.js';
import { StagedFiles } from '../bridge/stagedFiles.js';
import { packStageFrame, unpackStageFrame } from '../bridge/protocol.js';

beforeAll(() => startI18n('en'));

const album: TransferFolder = { id: 'f1', name: 'album', localPath: '/home/me/album', remotePath: '/bucket/in/album/' };

function t(id: string, state: TransferState, extra: Partial<TransferSnapshot> = {}): TransferSnapshot {
  return { id, direction: 'upload', connectionId: 'c', name: id, localPath: `/l/${id}`, remotePath: `/r/${id}`, size: 100, bytesDone: 0, rate: 0, state, createdAt: 0, ...extra };
}

describe('"Retry all"', () => {
  it('retries failed transfers only; a cancelled one restarts when picked', () => {
    const list = [t('a', 'failed'), t('b', 'cancelled'), t('c', 'failed'), t('d', 'completed')];
    expect(allTargetsOf('retry', list)).toEqual(['a', 'c']);
    expect(targetsOf('retry', [list[1]!])).toEqual(['b']);
    expect(allTargetsOf('pause', [t('e', 'running'), t('f', 'queued')])).toEqual(['e', 'f']);
  });
});

describe("the panel header's words", () => {
  it('says what the finished list holds: "All done" only when everything completed', () => {
    expect(finishedText(totals({ a: t('a', 'completed'), b: t('b', 'completed') }))).toBe('All done');
    expect(finishedText(totals({ a: t('a', 'completed'), b: t('b', 'completed'), c: t('c', 'completed'), d: t('d', 'cancelled') }))).toBe('3 done, 1 cancelled');
    expect(finishedText(totals({ a: t('a', 'failed'), b: t('b', 'cancelled') }))).toBe('1 failed, 1 cancelled');
  });
  it('counts a paused transfer as paused, not waiting', () => {
    const sum = totals({ a: t('a', 'running'), b: t('b', 'paused'), c: t('c', 'queued'), d: t('d', 'waiting') });
    expect(sum.paused).toBe(1);
    expect(activeText(sum)).toBe('1 running, 2 waiting, 1 paused');
    expect(activeText(totals({ a: t('a', 'paused') }))).toBe('0 running, 1 paused');
  });
});

describe('folder rows', () => {
  const files = [
    t('one', 'completed', { folder: album, bytesDone: 100 }),
    t('two', 'running', { folder: album, bytesDone: 40, rate: 20 }),
    t('three', 'queued', { folder: album }),
  ];
  const lone = t('lone', 'completed', { bytesDone: 100 });
  const byId = Object.fromEntries([...files, lone].map((x) => [x.id, x]));
  const order = ['one', 'two', 'three', 'lone'];

  it('sum up their files: files and bytes done of the total, speed, time left, and the most urgent state', () => {
    const f = folderTotals(album, files);
    expect(f).toMatchObject({ files: 3, filesDone: 1, bytesDone: 140, size: 300, rate: 20, state: 'running', etaSeconds: 8 });
    expect(folderDetails(f)).toBe('1 of 3 files · 140 B of 300 B · 20 B/s · 0:08 left');
    expect(folderTotals(album, [t('x', 'paused', { folder: album }), t('y', 'completed', { folder: album })]).state).toBe('paused');
    expect(folderTotals(album, [t('x', 'cancelled', { folder: album }), t('y', 'completed', { folder: album })]).state).toBe('cancelled');
  });

  it('show a folder as one row, newest first, and list its files under it when expanded', () => {
    expect(panelRows(order, byId, {}).map((r) => r.key)).toEqual(['lone', folderKey('f1')]);
    expect(panelRows(order, byId, { [folderKey('f1')]: true }).map((r) => r.key)).toEqual(['lone', folderKey('f1'), 'one', 'two', 'three']);
  });

  it('stand for their files when selected', () => {
    const chosen = selectedTransfers({ byId, selected: { [folderKey('f1')]: true } });
    expect(chosen.map((x) => x.id).sort()).toEqual(['one', 'three', 'two']);
    expect(targetsOf('pause', chosen).sort()).toEqual(['three', 'two']);
  });
});

describe('a picked folder', () => {
  it('is found from any of its files, whatever the separators', () => {
    expect(pickedFolderRoot('/home/me/photos/2026/b.jpg', 'photos/2026/b.jpg')).toBe('/home/me/photos');
    expect(pickedFolderRoot('C:\\Users\\me\\photos\\a.jpg', 'photos/a.jpg')).toBe('C:\\Users\\me\\photos');
    expect(pickedFolderRoot('/tmp/a.txt', 'a.txt')).toBe('/tmp/a.txt');
  });
});

describe("the browser preview's staged files (dev bridge only)", () => {
  const staged = new StagedFiles('/tmp/stage-root');
  const header = { t: 'stageChunk' as const, batch: 'b-1', file: 0, name: 'alpha.txt', offset: 0 };
  it('keeps a lone file apart and a picked folder as one tree', () => {
    expect(staged.pathOf(header)).toBe(join('/tmp/stage-root', 'b-1', '0', 'alpha.txt'));
    expect(staged.pathOf({ ...header, file: 3, relativePath: 'photos/2026/b.jpg' })).toBe(join('/tmp/stage-root', 'b-1', 'tree', 'photos', '2026', 'b.jpg'));
  });
  it('refuses names that would leave the staging folder', () => {
    expect(() => staged.pathOf({ ...header, relativePath: '../../etc/passwd' })).toThrow(/refuses/);
    expect(() => staged.pathOf({ ...header, name: '..' })).toThrow(/refuses/);
    expect(() => staged.pathOf({ ...header, batch: '../x' })).toThrow(/refuses/);
  });
  it('frames a chunk as header and bytes', () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const { header: back, bytes: out } = unpackStageFrame(packStageFrame({ ...header, id: 7, offset: 8 }, bytes));
    expect(back).toEqual({ ...header, id: 7, offset: 8 });
    expect([...out]).toEqual([...bytes]);
  });
});
