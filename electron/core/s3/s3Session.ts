import type { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { ConnectSecrets, S3ConnectionDraft } from '../../../shared/connections.js';
import { englishMessage } from '../../../shared/i18n/englishMessages.js';
import { awsFiles, awsProfile } from '../connections/awsProfiles.js';
import { ssoRoleCredentials } from '../connections/sso/ssoPortal.js';
import { ssoSettings } from '../connections/sso/ssoSettings.js';
import { AppError, CredentialsRefusedError, asAppError, codedError } from '../errors.js';
import type { RemoteSession } from '../fs/remoteFileSystem.js';
import { direct, type ProxyFor } from '../net/proxyPicker.js';
import type { NetworkRoute } from '../net/routedAgents.js';
import { secureContextFor } from '../net/trustStore.js';
import { createS3Client, s3RequestHandler, type S3ClientOptions } from './s3Client.js';
import { CredentialSlot } from './s3Credentials.js';
import { s3ErrorTranslator } from './s3Errors.js';
import { S3FileSystem } from './s3FileSystem.js';
import { RegionalClients } from './s3Regions.js';
import { AcceleratedTransfers } from './acceleratedTransfers.js';
import { S3TransferDriver } from './s3TransferDriver.js';
import { s3CopyEnds } from './s3CopyStream.js';
import { s3SyncSide } from './s3SyncSide.js';

/** How long connecting may take before we call the server unreachable. */
const probeTimeoutMs = 15_000;

export type S3Profile = Omit<S3ConnectionDraft, 'id'>;

export interface S3Session extends RemoteSession {
  readonly fs: S3FileSystem;
  readonly client: S3Client;
  /** Signs every later request with new credentials (after an expiry), keeping the session. */
  replaceCredentials(profile: S3Profile, secrets: ConnectSecrets): Promise<void>;
}

/** Whether a session is an S3 one: what bucket settings and multipart-upload listings need. */
export function isS3Session(session: RemoteSession): session is S3Session {
  return session.fs instanceof S3FileSystem && 'client' in session && 'replaceCredentials' in session;
}

export interface S3SessionContext {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Buckets saved on the connection (read fresh each time the bucket list is shown). */
  bookmarkedBuckets?: () => string[];
  /** The proxy for each URL (environment, then the OS); direct when absent. */
  proxyFor?: ProxyFor;
}

/** Thrown when an assume-role profile needs a code from the user's MFA device. */
export class MfaCodeNeededError extends AppError {
  constructor(
    readonly profile: string,
    readonly mfaSerial: string,
  ) {
    const params = { profile, mfaSerial };
    super('auth', englishMessage('coreS3:session.mfaCodeNeeded', params), { code: 'coreS3:session.mfaCodeNeeded', params });
  }
}

/** The connection's proxy and trust; a CA file that is missing or not a certificate is said here, before any request. */
async function networkFor(profile: S3Profile, ctx: S3SessionContext): Promise<NetworkRoute> {
  return { proxyFor: ctx.proxyFor ?? direct, secureContext: await secureContextFor(profile.caFile || undefined) };
}

async function credentialsFor(profile: S3Profile, secrets: ConnectSecrets, ctx: S3SessionContext, network: NetworkRoute): Promise<AwsCredentialIdentityProvider> {
  if (profile.auth.kind === 'profile') {
    const name = profile.auth.profile;
    const info = await awsProfile(ctx.env, ctx.homeDir, name);
    if (!info) throw codedError('notFound', 'coreS3:session.noProfile', { profile: name, configFile: awsFiles(ctx.env, ctx.homeDir).configFilepath });
    if (info.kind === 'sso') {
      // The app's own sign-in: the token the AWS CLI shares, refreshed before it expires.
      const settings = await ssoSettings(ctx.env, ctx.homeDir, name);
      const pick = { accountId: profile.auth.ssoAccountId, roleName: profile.auth.ssoRoleName };
      return ssoRoleCredentials(settings, pick, { env: ctx.env, homeDir: ctx.homeDir, requestHandler: s3RequestHandler({ network }) });
    }
    if (info.mfaSerial && !secrets?.mfaCode) throw new MfaCodeNeededError(name, info.mfaSerial);
    const mfaCode = secrets?.mfaCode;
    // Loaded on first use, like the other SDK clients only some connections need.
    const { fromIni } = await import('@aws-sdk/credential-providers');
    return fromIni({
      profile: name,
      ...awsFiles(ctx.env, ctx.homeDir),
      ignoreCache: true,
      mfaCodeProvider: async (serial) => {
        if (!mfaCode) throw new MfaCodeNeededError(name, serial);
        return mfaCode;
      },
      // STS for assume-role: the profile's region, AWS_ENDPOINT_URL_STS when set (read from
      // the core's env, which is not always process.env), and the connection's proxy and trust.
      clientConfig: { region: info.region ?? profile.region, endpoint: ctx.env.AWS_ENDPOINT_URL_STS || undefined, requestHandler: s3RequestHandler({ network }) },
    });
  }
  const secretAccessKey = secrets?.secretAccessKey;
  if (!secretAccessKey) throw codedError('auth', 'coreS3:session.secretKeyNeeded');
  const identity = { accessKeyId: profile.auth.accessKeyId, secretAccessKey, sessionToken: secrets?.sessionToken || undefined };
  return async () => identity;
}

function explainSsoFailure(error: unknown, profile: S3Profile): unknown {
  // The app's own SSO sign-in already says what happened (when it expired, which role is missing).
  if (error instanceof AppError && error.code) return error;
  const message = (error as Error)?.message ?? '';
  if (profile.auth.kind === 'profile' && /sso/i.test(message) && /expired|refresh|token/i.test(message)) {
    return codedError('auth', 'coreS3:session.ssoExpired', { profile: profile.auth.profile }, error);
  }
  return error;
}

/** One ListBuckets proves the credentials; AccessDenied still means they work. */
async function probe(fs: S3FileSystem, profile: S3Profile): Promise<void> {
  try {
    await fs.listBuckets(AbortSignal.timeout(probeTimeoutMs));
  } catch (error) {
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
      throw codedError('network', 'coreS3:session.unreachable', { seconds: probeTimeoutMs / 1000 });
    }
    if (error instanceof MfaCodeNeededError) throw error;
    const explained = explainSsoFailure(error, profile);
    // Refused keys keep their class: the connect then asks for them again.
    const refused = s3ErrorTranslator(explained);
    if (refused instanceof CredentialsRefusedError) throw refused;
    const known = asAppError(explained, [s3ErrorTranslator]);
    if (known.kind !== 'permission') throw known;
  }
}

function clientOptions(profile: S3Profile, credentials: AwsCredentialIdentityProvider, network: NetworkRoute): S3ClientOptions {
  return {
    endpoint: profile.endpoint.kind === 'custom' ? profile.endpoint.url : undefined,
    region: profile.region,
    forcePathStyle: profile.forcePathStyle,
    credentials,
    network,
  };
}

/**
 * Opens an S3 session and proves the credentials with one ListBuckets. A user who may
 * not list buckets (no s3:ListAllMyBuckets) is still connected: they open buckets by name.
 */
export async function openS3Session(profile: S3Profile, secrets: ConnectSecrets, ctx: S3SessionContext): Promise<S3Session> {
  const network = await networkFor(profile, ctx);
  const slot = new CredentialSlot(await credentialsFor(profile, secrets, ctx, network));
  const options = clientOptions(profile, slot.provide, network);
  const client = createS3Client(options);
  const clients = new RegionalClients(client, options);
  const fs = new S3FileSystem(clients, {
    bookmarkedBuckets: ctx.bookmarkedBuckets ?? (() => profile.bookmarkedBuckets ?? []),
    endpointUrl: options.endpoint,
    forcePathStyle: profile.forcePathStyle,
    directoryBuckets: profile.endpoint.kind === 'aws',
  });
  try {
    await probe(fs, profile);
  } catch (error) {
    clients.destroy();
    throw error;
  }
  // Transfers send each request once: the queue retries a failed attempt with backoff and
  // resumes it from its checkpoint, so retries do not multiply (the SDK's 3 times the
  // queue's 6) and a server that asks to slow down is not asked again at once.
  const transferClient = createS3Client({ ...options, maxAttempts: 1 });
  const usual = new S3TransferDriver(transferClient, undefined, clients);
  const acceleratedClients: S3Client[] = [];
  const acceleratedFor = (_bucket: string, region: string) => {
    const accelerated = createS3Client({ ...options, region, maxAttempts: 1, useAccelerateEndpoint: true });
    acceleratedClients.push(accelerated);
    return new S3TransferDriver(accelerated, undefined, clients);
  };
  return {
    fs,
    client,
    transfers: profile.useAccelerate && profile.endpoint.kind === 'aws' ? new AcceleratedTransfers(usual, clients, acceleratedFor) : usual,
    copy: s3CopyEnds(clients),
    sync: s3SyncSide(clients),
    async replaceCredentials(next, nextSecrets) {
      const source = await credentialsFor(next, nextSecrets, ctx, network);
      // Prove the new credentials on a throwaway client before swapping them in.
      const trial = new RegionalClients(createS3Client(clientOptions(next, source, network)), clientOptions(next, source, network));
      try {
        await probe(new S3FileSystem(trial, { bookmarkedBuckets: () => [], forcePathStyle: next.forcePathStyle }), next);
      } finally {
        trial.destroy();
      }
      slot.replace(source);
    },
    close: async () => {
      clients.destroy();
      transferClient.destroy();
      for (const accelerated of acceleratedClients) accelerated.destroy();
    },
  };
}
