import type { syncOperations } from '../../../../shared/contract/sync.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function syncHandlers({ sync }: Services): DomainHandlers<typeof syncOperations> {
  return {
    'sync:plan': ({ pair, pairId }) => sync.plan(pair, pairId),
    'sync:run': ({ planId, skip, confirmDeletes }) => sync.run(planId, skip, confirmDeletes),
    'sync:listPairs': () => sync.pairs.list(),
    'sync:savePair': ({ id, draft }) => sync.pairs.save(draft, id),
    'sync:deletePair': ({ id }) => sync.pairs.remove(id),
  };
}
