import type { searchOperations } from '../../../../shared/contract/search.js';
import { SearchService } from '../../search/searchService.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function searchHandlers({ sessions, events }: Services): DomainHandlers<typeof searchOperations> {
  const searches = new SearchService(sessions, (update) => events.emit('search:update', update));
  return {
    'search:start': (request) => searches.start(request),
    'search:continue': ({ searchId }) => searches.proceed(searchId),
    'search:cancel': ({ searchId }) => searches.cancel(searchId),
  };
}
