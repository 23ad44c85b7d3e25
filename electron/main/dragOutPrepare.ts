/**
 * Answers the page's "prepare these for dragging": checks the request, has the core
 * download the items into the drag folder, and keeps where they landed as the only paths a
 * drag may carry. No runtime `electron` import: main and the e2e bridge run the same code.
 */
import type { DragOutItem } from '../../shared/api.js';
import type { Result } from '../../shared/errors.js';
import { isAppError, messageOf } from '../core/errors.js';
import { parseDragOutRequest, type DragOutRequest } from '../core/transfers/dragOut.js';
import type { PreparedDrags } from './preparedDrags.js';

/** The core's side: downloads the request into a fresh folder inside `root`, one local path per remote path. */
export type PrepareInCore = (request: DragOutRequest, root: string) => Promise<string[]>;

export async function answerPrepare(prepareInCore: PrepareInCore, drags: PreparedDrags, payload: unknown): Promise<Result<DragOutItem[]>> {
  try {
    const request = parseDragOutRequest(payload);
    const localPaths = await prepareInCore(request, drags.root);
    return { ok: true, value: drags.note(request.remotePaths, localPaths) };
  } catch (error) {
    // The core's sentences arrive as they were written (a failed transfer names its file).
    return { ok: false, error: isAppError(error) ? { kind: error.kind, message: error.message } : { kind: 'internal', message: messageOf(error) } };
  }
}
