import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { PublicAccessBlock } from '../../../shared/buckets.js';
import { errorName } from './panel.js';

export interface AccountBlockOptions {
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Tests point these at a server replaying recorded AWS answers. */
  stsEndpoint?: string;
  s3ControlEndpoint?: string;
  requestHandler?: NodeHttpHandler;
}

/**
 * Reads the account-level Block Public Access through S3 Control, which needs the
 * account id: STS GetCallerIdentity gives it to any signed-in user.
 */
export async function readAccountPublicAccessBlock(options: AccountBlockOptions): Promise<PublicAccessBlock> {
  // Loaded on first use: two more SDK clients the core process would otherwise carry through every transfer.
  const [{ GetCallerIdentityCommand, STSClient }, { GetPublicAccessBlockCommand, S3ControlClient }] = await Promise.all([
    import('@aws-sdk/client-sts'),
    import('@aws-sdk/client-s3-control'),
  ]);
  const sts = new STSClient({ region: options.region, credentials: options.credentials, endpoint: options.stsEndpoint, requestHandler: options.requestHandler });
  const control = new S3ControlClient({
    region: options.region,
    credentials: options.credentials,
    endpoint: options.s3ControlEndpoint,
    requestHandler: options.requestHandler,
  });
  try {
    const { Account } = await sts.send(new GetCallerIdentityCommand({}));
    try {
      const out = await control.send(new GetPublicAccessBlockCommand({ AccountId: Account }));
      const c = out.PublicAccessBlockConfiguration ?? {};
      return {
        blockPublicAcls: c.BlockPublicAcls ?? false,
        ignorePublicAcls: c.IgnorePublicAcls ?? false,
        blockPublicPolicy: c.BlockPublicPolicy ?? false,
        restrictPublicBuckets: c.RestrictPublicBuckets ?? false,
      };
    } catch (error) {
      if (errorName(error) === 'NoSuchPublicAccessBlockConfiguration') {
        return { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false };
      }
      throw error;
    }
  } finally {
    sts.destroy();
    control.destroy();
  }
}
