import type { S3Client } from '@aws-sdk/client-s3';
import { fromIni } from '@aws-sdk/credential-providers';
import type { ConnectSecrets, S3ConnectionDraft } from '../../../shared/connections.js';
import { AppError, asAppError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { createS3Client } from './s3Client.js';
import { s3ErrorTranslator } from './s3Errors.js';
import { S3FileSystem } from './s3FileSystem.js';
import { S3TransferDriver } from './s3TransferDriver.js';

/** How long connecting may take before we call the server unreachable. */
const probeTimeoutMs = 15_000;

export type S3Profile = Omit<S3ConnectionDraft, 'id'>;

export interface S3Session extends RemoteSession {
  readonly fs: S3FileSystem;
  readonly client: S3Client;
}

function credentialsFor(profile: S3Profile, secrets: ConnectSecrets, env: NodeJS.ProcessEnv) {
  if (profile.auth.kind === 'profile') {
    return fromIni({
      profile: profile.auth.profile,
      filepath: env.AWS_SHARED_CREDENTIALS_FILE,
      configFilepath: env.AWS_CONFIG_FILE,
      ignoreCache: true,
    });
  }
  const secretAccessKey = secrets?.secretAccessKey;
  if (!secretAccessKey) throw new AppError('auth', 'Enter the secret access key for this connection.');
  return {
    accessKeyId: profile.auth.accessKeyId,
    secretAccessKey,
    sessionToken: secrets?.sessionToken || undefined,
  };
}

/**
 * Opens an S3 session and proves the credentials with one ListBuckets. A user who may
 * not list buckets (no s3:ListAllMyBuckets) is still connected: they open buckets by name.
 */
export async function openS3Session(
  profile: S3Profile,
  secrets: ConnectSecrets,
  env: NodeJS.ProcessEnv = process.env,
): Promise<S3Session> {
  const client = createS3Client({
    endpoint: profile.endpoint.kind === 'custom' ? profile.endpoint.url : undefined,
    region: profile.region,
    forcePathStyle: profile.forcePathStyle,
    credentials: credentialsFor(profile, secrets, env),
  });
  const fs = new S3FileSystem(client);
  try {
    await fs.listBuckets(AbortSignal.timeout(probeTimeoutMs));
  } catch (error) {
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
      client.destroy();
      throw new AppError('network', `Cannot reach the server: it did not answer within ${probeTimeoutMs / 1000} seconds.`);
    }
    const known = asAppError(error, [s3ErrorTranslator]);
    if (known.kind !== 'permission') {
      client.destroy();
      throw known;
    }
  }
  return {
    fs,
    client,
    transfers: new S3TransferDriver(client),
    close: async () => client.destroy(),
  };
}
