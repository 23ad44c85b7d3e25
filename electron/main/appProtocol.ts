import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { previewErrorHeaders } from '../../shared/contract/preview.js';
import { contentSecurityPolicy } from '../../shared/csp.js';
import { contentTypeFor } from '../core/lib/contentType.js';
import { appScheme } from './security.js';
import { isPreviewPath, previewResponse } from './previewResponse.js';
import type { RemoteCore } from './remoteCore.js';

/** Must run before `app.ready`: the app's pages load from app://stowage/, not file://. `stream` lets audio and video seek in preview streams. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer with the strict CSP as a header, never outside its folder, and
 * Quick Look's streams (`/preview/<token>`) from the core once it runs.
 */
export function serveRenderer(rendererDir: string, core: () => RemoteCore | undefined = () => undefined): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(appScheme, async (request) => {
    const { pathname } = new URL(request.url);
    const running = core();
    if (isPreviewPath(pathname)) {
      return running ? previewResponse(running, pathname, request.headers.get('range')) : new Response(null, { status: 502, headers: previewErrorHeaders });
    }
    const file = normalize(join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!file.startsWith(root)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': contentSecurityPolicy,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
