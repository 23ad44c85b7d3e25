import type { previewOperations } from '../../../../shared/contract/preview.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function previewHandlers({ previews }: Services): DomainHandlers<typeof previewOperations> {
  return {
    'preview:open': ({ connectionId, path }) => previews.open(connectionId, path),
    'preview:close': ({ token }) => previews.close(token),
  };
}
