import type { s3Operations } from '../../../../shared/contract/s3.js';
import { AppError } from '../../errors.js';
import { S3FileSystem } from '../../s3/s3FileSystem.js';
import type { DomainHandlers } from './domainHandlers.js';
import type { Services } from './services.js';

export function s3Handlers({ sessions }: Services): DomainHandlers<typeof s3Operations> {
  const s3fs = (connectionId: string) => {
    const fs = sessions.get(connectionId).fs;
    if (!(fs instanceof S3FileSystem)) throw new AppError('invalidInput', 'That is not an S3 connection.');
    return fs;
  };
  return {
    's3:listBuckets': ({ connectionId }) => s3fs(connectionId).listBuckets(),
  };
}
