/** Frames on the e2e bridge's WebSocket (test and development only). */
export type ClientRequest =
  | { t: 'invoke'; channel: string; payload: unknown }
  | { t: 'pathForFile'; name: string; size: number; lastModified: number }
  /** Main's drag-out channels: prepare answers; start is send-only (no result comes back). */
  | { t: 'prepareDragOut'; payload: unknown }
  | { t: 'startDragOut'; payload: unknown };

export type ClientFrame = ClientRequest & { id: number };

/**
 * One chunk of a picked or dropped file the bridge does not know (the browser preview), sent
 * as a binary frame (see stagedFiles.ts); the answer to the last chunk is the staged path.
 */
export interface StageChunkHeader {
  t: 'stageChunk';
  /** One pick or drop: its files share a staging folder, so a picked folder stays one tree. */
  batch: string;
  /** The file's place in its batch. */
  file: number;
  name: string;
  /** A picked folder's file: its path under the folder's parent (`photos/2026/b.jpg`). */
  relativePath?: string;
  offset: number;
}

export type ServerFrame =
  | { t: 'result'; id: number; result: unknown }
  | { t: 'event'; channel: string; payload: unknown };

export const bridgeSocketPath = '/__bridge/ws';
export const bridgeClientPath = '/__bridge/client.js';

/** A binary frame: a 4-byte header length, the JSON header, then the chunk's bytes. */
export function packStageFrame(header: StageChunkHeader & { id: number }, bytes: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + head.length + bytes.length);
  new DataView(out.buffer).setUint32(0, head.length);
  out.set(head, 4);
  out.set(bytes, 4 + head.length);
  return out;
}

export function unpackStageFrame(frame: Uint8Array): { header: StageChunkHeader & { id: number }; bytes: Uint8Array } {
  const length = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0);
  const header = JSON.parse(new TextDecoder().decode(frame.subarray(4, 4 + length))) as StageChunkHeader & { id: number };
  return { header, bytes: frame.subarray(4 + length) };
}
