import { mkdir, stat, utimes } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startI18n } from '../../renderer/src/i18n/i18n.js';
import type { TransferSnapshot, TransferState } from '../../shared/transfers.js';
import { defaultTransferSettings } from '../../shared/transfers.js';
import { AppError, cancelledError } from '../../electron/core/errors.js';
import { parseDragOutRequest, planDragOut, prepareDragOut, removeOldDragFolders, type DragOutQueue } from '../../electron/core/transfers/dragOut.js';
import { ActiveTransfers } from '../../electron/main/activeTransfers.js';
import { looksLikeParallelRefusal } from '../../electron/core/sftp/sftpAttempt.js';
import { taskbarChanged, taskbarProgress } from '../../electron/main/taskbarProgress.js';
import { fromForm, toForm } from '../../renderer/src/features/transfers/settingsForm.js';
import { kindTarget, rowDetails } from '../../renderer/src/features/transfers/transferKind.js';
import { toggleCommand } from '../../renderer/src/features/transfers/transferCommands.js';
import { FinishedBatch } from '../../electron/main/finishedBatch.js';
import { mainWords, speakAs } from '../../electron/main/mainWords.js';
import { makeTempDir } from '../support/tempDir.js';

beforeAll(() => startI18n('en'));

const MiB = 1024 * 1024;

function t(state: TransferState, bytesDone: number, size?: number, id = Math.random().toString(36)): TransferSnapshot {
  return { id, direction: 'upload', connectionId: 'c', name: id, localPath: `/l/${id}`, remotePath: `/r/${id}`, size, bytesDone, rate: 0, state, createdAt: 0 };
}

describe('active transfers, kept from the core process events (main\'s taskbar bar)', () => {
  it('follows changes and progress, and forgets finished transfers', () => {
    const active = new ActiveTransfers();
    expect(active.apply('transfers:changed', t('queued', 0, 100, 'a'))).toBe(true);
    active.apply('transfers:changed', t('running', 0, 200, 'b'));
    active.apply('transfers:progress', [{ id: 'a', bytesDone: 40, size: 100, rate: 1, state: 'running' }, { id: 'gone', bytesDone: 1, rate: 1, state: 'running' }]);
    expect(active.list().map((x) => [x.id, x.state, x.bytesDone])).toEqual([['a', 'running', 40], ['b', 'running', 0]]);
    expect(taskbarProgress(active.list()).value).toBeCloseTo(40 / 300);
    active.apply('transfers:changed', t('completed', 200, 200, 'b'));
    expect(active.list().map((x) => x.id)).toEqual(['a']);
  });
  it('ignores events that are not about transfers', () => {
    expect(new ActiveTransfers().apply('connections:changed' as never, {})).toBe(false);
  });
});

describe('taskbar progress', () => {
  it('is the byte fraction over queued, running and waiting transfers', () => {
    const p = taskbarProgress([t('running', 50, 100), t('queued', 0, 100), t('waiting', 0, 200), t('completed', 1000, 1000), t('paused', 5, 10)]);
    expect(p).toEqual({ value: 50 / 400, mode: 'normal' });
  });
  it('clears when the queue is idle (only finished or paused transfers)', () => {
    expect(taskbarProgress([])).toEqual({ value: -1, mode: 'none' });
    expect(taskbarProgress([t('completed', 10, 10), t('failed', 1, 10), t('paused', 3, 10), t('cancelled', 0, 5)])).toEqual({ value: -1, mode: 'none' });
  });
  it('shows "paused" when everything left waits for a conflict answer', () => {
    expect(taskbarProgress([t('waiting', 0, 10), t('completed', 10, 10)]).mode).toBe('paused');
  });
  it('is indeterminate while no size is known yet', () => {
    expect(taskbarProgress([t('running', 123)])).toEqual({ value: 2, mode: 'indeterminate' });
  });
  it('never goes past 1, and redraws only on a visible change', () => {
    expect(taskbarProgress([t('running', 150, 100)]).value).toBe(1);
    expect(taskbarChanged({ value: 0.5, mode: 'normal' }, { value: 0.5004, mode: 'normal' })).toBe(false);
    expect(taskbarChanged({ value: 0.5, mode: 'normal' }, { value: 0.52, mode: 'normal' })).toBe(true);
    expect(taskbarChanged({ value: 0.5, mode: 'normal' }, { value: 0.5, mode: 'paused' })).toBe(true);
  });
});

describe('drag out to the OS', () => {
  it('plans one safe local path per dragged item inside a fresh folder', () => {
    const plan = planDragOut('/tmp/drag', ['/b/photos/', '/b/a/report.pdf', '/b/../../etc/passwd', '/b/evil\\name.txt'], 'id1');
    expect(plan.folder).toBe(join('/tmp/drag', 'id1'));
    expect(plan.paths).toEqual([join(plan.folder, 'photos'), join(plan.folder, 'report.pdf'), join(plan.folder, 'passwd'), join(plan.folder, 'evil_name.txt')]);
    for (const p of plan.paths) expect(p.startsWith(plan.folder + sep)).toBe(true);
  });
  it('rejects malformed requests from the window', () => {
    expect(() => parseDragOutRequest({ connectionId: 'c', remotePaths: [] })).toThrow(AppError);
    expect(() => parseDragOutRequest({ connectionId: 'c', remotePaths: ['/a'], extra: 1 })).toThrow(/malformed/);
    expect(parseDragOutRequest({ connectionId: 'c', remotePaths: ['/a'] })).toEqual({ connectionId: 'c', remotePaths: ['/a'] });
  });
  it('waits for the queue, and says which file failed', async () => {
    const dir = await makeTempDir('drag-unit');
    try {
      const list: TransferSnapshot[] = [];
      const queue: DragOutQueue = {
        async download(_c, paths, folder) {
          const added = paths.map((p, i) => ({ ...t('queued', 0, 10, `x${i}`), remotePath: p, localPath: join(folder, `f${i}`), name: `f${i}` }));
          list.push(...added);
          setTimeout(() => {
            list[0]!.state = 'completed';
            list[1]!.state = 'failed';
            list[1]!.error = { kind: 'permission', message: 'Access denied.' };
          }, 30);
          return added;
        },
        list: () => list,
      };
      await expect(prepareDragOut(queue, { connectionId: 'c', remotePaths: ['/b/f0', '/b/f1'] }, dir.path, 5)).rejects.toThrow(/f1 could not be downloaded for the drag: Access denied/);
    } finally {
      await dir.remove();
    }
  });
  it('removes only drag folders older than the limit', async () => {
    const dir = await makeTempDir('drag-old');
    try {
      await mkdir(join(dir.path, 'old'));
      await mkdir(join(dir.path, 'new'));
      const past = new Date(Date.now() - 3 * 24 * 3600 * 1000);
      await utimes(join(dir.path, 'old'), past, past);
      expect(await removeOldDragFolders(dir.path, 24 * 3600 * 1000)).toBe(1);
      await expect(stat(join(dir.path, 'old'))).rejects.toThrow();
      expect((await stat(join(dir.path, 'new'))).isDirectory()).toBe(true);
    } finally {
      await dir.remove();
    }
  });
});

describe('parallel refusal detection (SFTP sequential fallback)', () => {
  const withStatus = (code: number) => Object.assign(new Error('Failure'), { code });
  it('matches generic FAILURE and BAD_MESSAGE statuses, raw or explained', () => {
    expect(looksLikeParallelRefusal(withStatus(4))).toBe(true);
    expect(looksLikeParallelRefusal(withStatus(5))).toBe(true);
    expect(looksLikeParallelRefusal(new AppError('conflict', 'The server could not do that', { cause: withStatus(4) }))).toBe(true);
  });
  it('leaves errors with a clear meaning alone', () => {
    expect(looksLikeParallelRefusal(withStatus(3))).toBe(false);
    expect(looksLikeParallelRefusal(withStatus(7))).toBe(false);
    expect(looksLikeParallelRefusal(cancelledError())).toBe(false);
    expect(looksLikeParallelRefusal(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(false);
  });
});

describe('transfer settings form', () => {
  it('round-trips the settings, with limits in KB/s or MB/s', () => {
    const settings = { ...defaultTransferSettings, uploadLimit: 4_000_000, downloadLimit: 512_000, partSize: 64 * MiB };
    const form = toForm(settings);
    expect([form.uploadLimit, form.uploadUnit, form.downloadLimit, form.downloadUnit, form.partSizeMiB]).toEqual(['4', 'MB', '512', 'KB', '64']);
    expect(fromForm(form).changes).toEqual(settings);
  });
  it('explains bad values instead of sending them', () => {
    const form = { ...toForm(defaultTransferSettings), filesInParallel: '0', partSizeMiB: '3', uploadLimit: 'fast', multipartThresholdMiB: '16' };
    const { changes, errors } = fromForm(form);
    expect(changes).toBeNull();
    expect(errors).toEqual({
      filesInParallel: 'Files in parallel must be between 1 and 32',
      partSizeMiB: 'The part size must be between 5 and 5120',
      uploadLimit: 'Enter a number for the upload limit (0 = unlimited)',
    });
  });
  it('treats 0 as unlimited', () => {
    const form = { ...toForm(defaultTransferSettings), uploadLimit: '0', downloadLimit: '1.5', downloadUnit: 'MB' as const };
    const changes = fromForm(form).changes!;
    expect(changes.uploadLimit).toBe(0);
    expect(changes.downloadLimit).toBe(1_500_000);
  });
});

describe('where a transfer row says it goes', () => {
  const row = (direction: TransferSnapshot['direction'], localPath: string, remotePath: string) =>
    ({ direction, localPath, remotePath, storageClass: 'STANDARD_IA' }) as TransferSnapshot;
  it('names the folder a transfer lands in, whatever the separators', () => {
    expect(kindTarget(row('upload', '/home/me/report.pdf', '/bucket/reports/2026/report.pdf'))).toBe('→ 2026');
    expect(kindTarget(row('upload', '/home/me/report.pdf', '/bucket/report.pdf'))).toBe('→ bucket');
    expect(kindTarget(row('download', '/home/me/Downloads/report.pdf', '/bucket/report.pdf'))).toBe('→ Downloads');
    expect(kindTarget(row('download', 'C:\\Users\\me\\Desktop\\report.pdf', '/bucket/report.pdf'))).toBe('→ Desktop');
  });
  it('says nothing for the root of a server, and the new class for a class change', () => {
    expect(kindTarget(row('upload', '/home/me/notes.txt', '/notes.txt'))).toBeUndefined();
    expect(kindTarget(row('storageClass', '', '/bucket/old.log'))).toBe('→ Standard-IA');
  });
});

describe("a finished transfer row's details", () => {
  const done = (extra: Partial<TransferSnapshot>) =>
    ({ direction: 'upload', state: 'completed', size: 41_900_000, bytesDone: 41_900_000, rate: 0, ...extra }) as TransferSnapshot;
  it('says how long it ran and its average speed', () => {
    expect(rowDetails(done({ activeMs: 9_000 }))).toBe('41.9 MB in 0:09 · 4.7 MB/s average');
  });
  it('gives only the size for one that took under a second, ran before times were kept, or changed a class', () => {
    expect(rowDetails(done({ activeMs: 400 }))).toBe('41.9 MB');
    expect(rowDetails(done({}))).toBe('41.9 MB');
    expect(rowDetails(done({ direction: 'storageClass', activeMs: 9_000 }))).toBe('41.9 MB');
  });
});

describe("the transfer list's Space key", () => {
  const of = (...states: TransferState[]) => states.map((state, i) => ({ id: `t${i}`, state }) as TransferSnapshot);
  it('pauses what runs or waits, else resumes what is paused, else retries what failed, else what the user cancelled', () => {
    expect(toggleCommand(of('running', 'paused', 'completed'))).toEqual({ action: 'pause', ids: ['t0'] });
    expect(toggleCommand(of('paused', 'failed', 'completed'))).toEqual({ action: 'resume', ids: ['t0'] });
    expect(toggleCommand(of('failed', 'cancelled', 'completed'))).toEqual({ action: 'retry', ids: ['t0'] });
    expect(toggleCommand(of('cancelled', 'completed'))).toEqual({ action: 'retry', ids: ['t0'] });
    expect(toggleCommand(of('completed'))).toBeUndefined();
    expect(toggleCommand([])).toBeUndefined();
  });
});

describe('the notification when a batch of transfers ends', () => {
  let clock = 0;
  const snap = (id: string, state: TransferState, extra: Partial<TransferSnapshot> = {}) =>
    ({ id, state, direction: 'upload', name: `${id}.bin`, size: 2_000_000, bytesDone: 0, ...extra }) as TransferSnapshot;
  const run = (batch: FinishedBatch, ids: string[], end: TransferState[], seconds: number) => {
    for (const id of ids) batch.note(snap(id, 'running'));
    clock += seconds * 1000;
    ids.forEach((id, i) => batch.note(snap(id, end[i] ?? 'completed')));
  };
  it('sums up what finished once nothing is queued, running or waiting', () => {
    const batch = new FinishedBatch(() => clock);
    run(batch, ['a', 'b', 'c'], ['completed', 'completed', 'failed'], 8);
    batch.note(snap('d', 'completed', { direction: 'download', name: 'report.pdf', size: 3_100_000 }));
    expect(batch.takeIfIdle([snap('e', 'queued')])).toBeUndefined();
    expect(batch.takeIfIdle([snap('p', 'paused')])).toEqual({
      title: 'Transfers finished, with errors',
      body: 'Uploaded 2 files (4.0 MB)\nDownloaded report.pdf (3.1 MB)\n1 transfer failed: open Stowage to see why',
    });
    // A fresh batch afterwards: nothing left over.
    expect(batch.takeIfIdle([])).toBeUndefined();
  });
  it('says nothing for a batch under five seconds, or one the user cancelled', () => {
    const quick = new FinishedBatch(() => clock);
    run(quick, ['a'], ['completed'], 2);
    expect(quick.takeIfIdle([])).toBeUndefined();
    const cancelled = new FinishedBatch(() => clock);
    run(cancelled, ['a'], ['cancelled'], 20);
    expect(cancelled.takeIfIdle([])).toBeUndefined();
  });
  it('counts a failed transfer that a retry then finished as done', () => {
    const batch = new FinishedBatch(() => clock);
    run(batch, ['a'], ['failed'], 3);
    run(batch, ['a'], ['completed'], 3);
    expect(batch.takeIfIdle([])).toEqual({ title: 'Transfers finished', body: 'Uploaded a.bin (2.0 MB)' });
  });
  it('speaks the window’s language, with its plurals and decimal mark', () => {
    speakAs('es', ['en-US']);
    try {
      const batch = new FinishedBatch(() => clock);
      run(batch, ['a', 'b', 'c'], ['completed', 'completed', 'failed'], 8);
      expect(batch.takeIfIdle([])).toEqual({
        title: 'Transferencias terminadas, con errores',
        body: 'Se cargaron 2 archivos (4,0 MB)\nFalló 1 transferencia: abre Stowage para ver por qué',
      });
    } finally {
      speakAs('en');
    }
    speakAs('system', ['es-AR']);
    expect(mainWords.t('main:chooseFolder')).toBe('Elige una carpeta');
    speakAs('system', ['de-DE']);
    expect(mainWords.t('main:chooseFolder')).toBe('Choose a folder');
  });
});
