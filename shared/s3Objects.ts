import type { MessageParams } from './errors.js';

/** What the properties panel shows and edits for one S3 object. */
export interface ObjectTag {
  key: string;
  value: string;
}

export interface ObjectProperties {
  path: string;
  bucket: string;
  key: string;
  size: number;
  /** Epoch milliseconds. */
  modified?: number;
  etag?: string;
  storageClass: string;
  versionId?: string;
  contentType?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  /** User metadata (`x-amz-meta-*`), names without the prefix. */
  metadata: Record<string, string>;
  tags: ObjectTag[];
  /** The bucket's region, as detected. */
  region: string;
  /** Object Lock state of this version; absent when the bucket has no Object Lock (or the server says nothing). */
  objectLock?: ObjectLockState;
}

/** An object version's retention and legal hold, as HeadObject reports them. */
export interface ObjectLockState {
  retentionMode?: 'GOVERNANCE' | 'COMPLIANCE';
  /** Epoch milliseconds. */
  retainUntil?: number;
  legalHold: boolean;
}

/** The editable part of an object's properties (a copy-in-place with REPLACE). */
export interface ObjectHeadersEdit {
  contentType?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  metadata: Record<string, string>;
}

export interface ShareLink {
  /** A presigned GET URL anyone can open until `expiresAt`. */
  presignedUrl: string;
  /** The plain object URL (works only if the object is public). */
  plainUrl: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** SigV4 presigned URLs live at most 7 days. */
export const maxPresignSeconds = 7 * 24 * 3600;

/** A profile from ~/.aws/config and ~/.aws/credentials, described for the connection form. */
export interface AwsProfileInfo {
  name: string;
  kind: 'static' | 'assumeRole' | 'credentialProcess' | 'sso' | 'webIdentity' | 'other';
  region?: string;
  roleArn?: string;
  sourceProfile?: string;
  /** Set when connecting asks for an MFA code. */
  mfaSerial?: string;
  ssoStartUrl?: string;
  /** SSO: the account and role the profile names (`sso_account_id`, `sso_role_name`), if it names them. */
  ssoAccountId?: string;
  ssoRoleName?: string;
  /** SSO: when the cached sign-in expires (epoch ms), if a cached token exists. */
  ssoExpiresAt?: number;
  /** A sentence for the user when the profile cannot work as is (SSO sign-in expired...). */
  problem?: string;
  /** `problem`'s catalog key and values, shown in the user's language. */
  problemCode?: string;
  problemParams?: MessageParams;
}
