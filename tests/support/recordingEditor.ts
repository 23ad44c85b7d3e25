import { expect } from 'vitest';
import type { EditEvent } from '../../shared/contract/fs.js';
import { RemoteEditor } from '../../electron/core/fs/remoteEditor.js';
import type { RemoteSession } from '../../electron/core/fs/remoteFileSystem.js';

export interface RecordingEditor {
  editor: RemoteEditor;
  /** Every upload report, in order. */
  events: EditEvent[];
  /** What the editor asked the host to open in the user's default app. */
  opened: string[];
  /** The first report for `editId` after `from` reports, waited for. */
  nextEvent(editId: string, from: number): Promise<EditEvent>;
}

/** The real RemoteEditor on a session; the test plays the user's editor, recording what it was asked to open. */
export function recordingEditor(session: () => RemoteSession, tempRoot: string): RecordingEditor {
  const events: EditEvent[] = [];
  const opened: string[] = [];
  const editor = new RemoteEditor({
    session,
    openLocally: async (path) => void opened.push(path),
    tempRoot,
    emit: (event) => events.push(event),
    settleMs: 100,
  });
  const nextEvent = async (editId: string, from: number) => {
    const found = () => events.slice(from).find((e) => e.editId === editId);
    await expect.poll(found, { timeout: 15_000 }).toBeTruthy();
    return found()!;
  };
  return { editor, events, opened, nextEvent };
}
