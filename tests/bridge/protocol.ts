/** Frames on the e2e bridge's WebSocket (test and development only). */
export type ClientRequest =
  | { t: 'invoke'; channel: string; payload: unknown }
  | { t: 'pathForFile'; name: string; size: number; lastModified: number }
  /** Main's drag-out channels: prepare answers; start is send-only (no result comes back). */
  | { t: 'prepareDragOut'; payload: unknown }
  | { t: 'startDragOut'; payload: unknown };

export type ClientFrame = ClientRequest & { id: number };

export type ServerFrame =
  | { t: 'result'; id: number; result: unknown }
  | { t: 'event'; channel: string; payload: unknown };

export const bridgeSocketPath = '/__bridge/ws';
export const bridgeClientPath = '/__bridge/client.js';
