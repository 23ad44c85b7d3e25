import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreMessage } from '../../shared/i18n/englishMessages.js';
import type { TransferSnapshot } from '../../shared/transfers.js';
import { setLanguage, startI18n } from '../../renderer/src/i18n/i18n.js';
import { messageText, messagesText } from '../../renderer/src/i18n/messageText.js';
import { rowDetails } from '../../renderer/src/features/transfers/transferKind.js';
import { activeText, finishedText } from '../../renderer/src/features/transfers/summaryText.js';

beforeAll(() => startI18n('en'));
afterAll(() => setLanguage('en'));

describe("a transfer's notes", () => {
  it('carry their key and parameters, with the English text for logs', () => {
    expect(coreMessage('coreTransfers:notes.completedAfterRetries', { count: 2 })).toEqual({
      key: 'coreTransfers:notes.completedAfterRetries',
      params: { count: 2 },
      text: 'Completed after 2 automatic retries.',
    });
    expect(coreMessage('coreSftp:notes.sequential')).toEqual({ key: 'coreSftp:notes.sequential', text: 'Server refused parallel requests; sent sequentially.' });
  });

  it("show in the window's language; a note without a key (saved before keys) shows its text", async () => {
    await setLanguage('es');
    expect(messageText(coreMessage('coreS3:notes.resumedParts', { count: 3 }))).toBe('Reanudada: el servidor ya tenía 3 partes.');
    expect(messageText(coreMessage('coreTransfers:notes.resumedAfter', { bytes: 16777216 }))).toBe('Reanudada tras los 16.777.216 bytes que ya estaban.');
    expect(messageText({ key: '', text: 'Resumed at byte 4.' })).toBe('Resumed at byte 4.');
    expect(messageText({ key: 'coreTransfers:notes.noSuchNote', text: 'As sent.' })).toBe('As sent.');
    expect(messagesText([coreMessage('coreSftp:notes.sequential'), coreMessage('coreSftp:notes.sizeOnly')])).toBe(
      'El servidor rechazó las solicitudes en paralelo; se enviaron una tras otra. Descargado y con el tamaño comprobado; sin verificar con suma de comprobación, porque los servidores SFTP no la ofrecen.',
    );
    await setLanguage('en');
  });

  it("make a paused row's details, and the strip's counts, in Spanish with Spanish numbers", async () => {
    await setLanguage('es');
    const paused = { direction: 'download', state: 'paused', size: 3_400_000, bytesDone: 1_200_000, rate: 0, detail: [coreMessage('coreTransfers:notes.stoppedOnClose')] } as unknown as TransferSnapshot;
    expect(rowDetails(paused)).toBe('1,2 MB de 3,4 MB · Se detuvo al cerrar Stowage: reanúdala para continuar.');
    expect(finishedText({ count: 4, completed: 3, failed: 0, cancelled: 1 })).toBe('3 completadas, 1 cancelada');
    expect(activeText({ active: 4, running: 1, paused: 1 })).toBe('1 en curso, 2 en espera, 1 en pausa');
    await setLanguage('en');
    expect(rowDetails(paused)).toBe('1.2 MB of 3.4 MB · Stopped when Stowage closed: resume to continue.');
  });
});
