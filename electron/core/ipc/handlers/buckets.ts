import type { bucketOperations } from '../../../../shared/contract/buckets.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function bucketHandlers(_services: Services): DomainHandlers<typeof bucketOperations> {
  return {};
}
