import { z } from 'zod';
import { op } from './define.js';
import { id, remotePath } from './fields.js';

/** How a text preview is drawn: plain, with syntax colours for `language`, pretty JSON, or a table. */
export type TextFormat = 'plain' | 'code' | 'json' | 'csv' | 'tsv';

/** What Quick Look shows for a file. Streamed kinds name a same-origin address the app's protocol serves through the core. */
export type PreviewAnswer =
  | {
      kind: 'text';
      /** The file's first bytes (at most `previewTextBytes`), as text. */
      text: string;
      /** The file is longer than what was read. */
      truncated: boolean;
      format: TextFormat;
      /** A language name for syntax colours when `format` is `code` ("javascript", "python"...). */
      language?: string;
      contentType: string;
    }
  | {
      kind: 'image' | 'audio' | 'video' | 'pdf';
      /** `/preview/<token>`: short-lived, for this one file, served with Range support. */
      url: string;
      token: string;
      contentType: string;
    };

/** How much of a text file a preview reads. */
export const previewTextBytes = 256 * 1024;
/** Images larger than this are not previewed (a download is offered instead). */
export const previewImageBytes = 20 * 1024 * 1024;
/** PDFs larger than this are not previewed: the viewer may read the whole file. */
export const previewPdfBytes = 50 * 1024 * 1024;
/** Where the app's protocol (and the e2e bridge) serves preview streams. */
export const previewRoutePrefix = '/preview/';

/** The headers of a preview stream's answer that carries no file: an error (404, 409, 416, 502), never cached. */
export const previewErrorHeaders: Readonly<Record<string, string>> = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** A preview grant's token as the core makes it (hex); anything else is refused before it is looked up. */
export const previewTokenPattern = /^[0-9a-f]{16,128}$/;

const token = z.string().regex(previewTokenPattern);

/** Quick Look: read a file's head, or grant a stream of it. */
export const previewOperations = {
  'preview:open': op<PreviewAnswer>()(z.object({ connectionId: id, path: remotePath })),
  /** Ends a stream grant as the preview closes (unused ones also expire by themselves). */
  'preview:close': op<void>()(z.object({ token })),
};

export const previewEvents = {};
