import { previewImageBytes, previewPdfBytes, previewRoutePrefix, previewTextBytes, type PreviewAnswer } from '../../../shared/contract/preview.js';
import type { SessionManager } from '../connections/sessionManager.js';
import { codedError } from '../errors.js';
import { collect, factsOf, readSpan } from './previewReads.js';
import { planFor } from './previewKinds.js';
import { PreviewStreams } from './previewStreams.js';
import { textOfHead } from './textHead.js';

/**
 * Quick Look in the core: a text file's head read by one ranged request, or for media a
 * grant that `streams` serves to the app's protocol.
 */
export class PreviewService {
  constructor(
    private readonly sessions: SessionManager,
    readonly streams: PreviewStreams = new PreviewStreams(sessions),
  ) {}

  async open(connectionId: string, path: string, signal: AbortSignal = new AbortController().signal): Promise<PreviewAnswer> {
    const session = this.sessions.get(connectionId);
    const entry = await session.fs.stat(path);
    const facts = await factsOf(session, entry, signal);
    const size = facts.size;
    const plan = planFor(entry.name);
    if (plan.kind === 'text') {
      const head = await collect(await readSpan(session, path, facts, 0, Math.min(size, previewTextBytes), signal), previewTextBytes);
      const truncated = size > head.length;
      return { kind: 'text', text: textOfHead(head, truncated, entry.name), truncated, format: plan.format, language: plan.language, contentType: plan.contentType };
    }
    const cap = plan.kind === 'image' ? previewImageBytes : plan.kind === 'pdf' ? previewPdfBytes : Infinity;
    if (size > cap) throw codedError('unsupported', 'corePreview:tooLarge', { name: entry.name, limit: cap / (1024 * 1024) });
    const token = this.streams.grant({ connectionId, path, facts, contentType: plan.contentType, sandboxed: plan.contentType === 'image/svg+xml' });
    return { kind: plan.kind, url: `${previewRoutePrefix}${token}`, token, contentType: plan.contentType };
  }

  close(token: string): void {
    this.streams.close(token);
  }

  /** Ends every stream (the core is shutting down). */
  dispose(): void {
    this.streams.dispose();
  }
}
