import { codedError } from '../errors.js';
import type { ConnectionStore } from '../connections/connectionStore.js';
import type { SessionManager } from '../connections/sessionManager.js';
import { requestHandlerLike } from '../s3/s3Client.js';
import { isS3Session } from '../s3/s3Session.js';
import { readAccountPublicAccessBlock } from './accountBlock.js';
import type { BucketContext } from './bucketContext.js';

/** The bucket services' view of a live S3 connection. */
export function bucketContextFor(sessions: SessionManager, connections: ConnectionStore, connectionId: string): BucketContext {
  const session = sessions.get(connectionId);
  if (!isS3Session(session)) throw codedError('invalidInput', 'coreBuckets:s3Only');
  const saved = connections.get(connectionId);
  const endpointUrl = saved.protocol === 's3' && saved.endpoint.kind === 'custom' ? saved.endpoint.url : undefined;
  const client = session.client;
  return {
    client,
    endpointUrl,
    readAccountBlock: endpointUrl
      ? undefined
      : async () => readAccountPublicAccessBlock({ region: await client.config.region(), credentials: client.config.credentials, requestHandler: requestHandlerLike(client) }),
  };
}
