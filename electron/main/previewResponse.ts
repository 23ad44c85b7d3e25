import { previewErrorHeaders, previewRoutePrefix, previewTokenPattern } from '../../shared/contract/preview.js';
import type { RemoteCore } from './remoteCore.js';

/** Whether an app address is a preview stream's (`/preview/<token>`). */
export const isPreviewPath = (pathname: string): boolean => pathname.startsWith(previewRoutePrefix);

/**
 * Answers one request of a preview stream from the core: the status and headers its grant
 * gives (206 with Content-Range for a Range request; 409 when the file changed since), and a
 * body pulled from the core piece by piece as the reader takes it, so a long video never sits
 * whole in main. A reader that stops (a seek, a closed preview) ends the core's read too; a
 * core that cannot answer (gone, restarting) answers 502, and a body the core stops serving
 * midway fails rather than ending short. Main's app protocol and the e2e bridge both answer with this.
 */
export async function previewResponse(core: Pick<RemoteCore, 'openPreview' | 'pullPreview' | 'cancelPreview'>, pathname: string, range: string | null): Promise<Response> {
  const token = pathname.slice(previewRoutePrefix.length);
  if (!previewTokenPattern.test(token)) return new Response(null, { status: 404, headers: previewErrorHeaders });
  let head;
  try {
    head = await core.openPreview(token, range ?? undefined);
  } catch {
    return new Response(null, { status: 502, headers: previewErrorHeaders });
  }
  const stream = head.stream;
  if (stream === undefined) return new Response(head.status >= 400 ? null : new Uint8Array(), { status: head.status, headers: head.headers });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const piece = await core.pullPreview(stream);
        if (piece) controller.enqueue(new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength));
        else controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
    cancel: () => core.cancelPreview(stream),
  });
  return new Response(body, { status: head.status, headers: head.headers });
}
