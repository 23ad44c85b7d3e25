import type { S3Client } from '@aws-sdk/client-s3';
import type { PublicAccessBlock } from '../../../shared/buckets.js';

/** What the bucket services need of a connection. */
export interface BucketContext {
  client: S3Client;
  /** The custom endpoint URL (RGW, MinIO...), or undefined for AWS. */
  endpointUrl?: string;
  /** Reads the account-level Block Public Access (AWS only, through S3 Control). */
  readAccountBlock?: () => Promise<PublicAccessBlock>;
}

const allUsers = 'http://acs.amazonaws.com/groups/global/AllUsers';
const authenticatedUsers = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

/** "Everyone: READ" style descriptions of the public grants of an ACL. */
export function publicGrants(grants: { Grantee?: { URI?: string }; Permission?: string }[]): string[] {
  const out: string[] = [];
  for (const g of grants) {
    const uri = g.Grantee?.URI;
    if (uri === allUsers) out.push(`Everyone: ${g.Permission ?? '?'}`);
    else if (uri === authenticatedUsers) out.push(`Any AWS account: ${g.Permission ?? '?'}`);
  }
  return out;
}

export const publicReadGrantUri = allUsers;
