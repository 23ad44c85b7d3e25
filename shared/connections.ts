import { z } from 'zod';
import type { MessageParams } from './errors.js';
import type { CatalogText } from './i18n/catalogText.js';

const name = z.string().trim().min(1, 'Give the connection a name').max(100);
const optionalSecret = z.string().max(10_000).optional();

export const s3AuthSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('keys'),
    accessKeyId: z.string().trim().min(1, 'Enter an access key ID').max(256),
    /** Write-only: omitted on edit means "keep the saved one". */
    secretAccessKey: optionalSecret,
    sessionToken: optionalSecret,
  }),
  z.object({
    kind: z.literal('profile'),
    profile: z.string().trim().min(1).max(256),
    /** IAM Identity Center profiles: the account and role picked after signing in, over the profile's own. */
    ssoAccountId: z.string().regex(/^\d{12}$/).optional(),
    ssoRoleName: z.string().trim().min(1).max(64).optional(),
  }),
]);

export const s3EndpointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('aws') }),
  z.object({
    kind: z.literal('custom'),
    url: z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i, 'The endpoint must be an http:// or https:// URL'),
  }),
]);

export const s3ConnectionDraftSchema = z.object({
  id: z.string().max(64).optional(),
  protocol: z.literal('s3'),
  name,
  endpoint: s3EndpointSchema,
  region: z.string().trim().regex(/^[a-z0-9-]{2,32}$/, 'Region looks like us-east-1'),
  forcePathStyle: z.boolean(),
  auth: s3AuthSchema,
  rememberSecret: z.boolean(),
  bookmarkedBuckets: z.array(z.string().max(255)).max(500).optional(),
  /** Storage class given to uploads that do not name one (none = the bucket's default, STANDARD). */
  defaultStorageClass: z.string().regex(/^[A-Z_]{2,40}$/).optional(),
  /**
   * A CA certificate file (PEM) trusted for this connection only, beside the OS's and
   * Node's roots: for a self-hosted store whose certificate a private CA signed.
   */
  caFile: z.string().trim().max(4096).optional().or(z.literal('')),
  /** AWS: transfers to a bucket whose Transfer Acceleration is on go through its accelerate endpoint. */
  useAccelerate: z.boolean().optional(),
});

export const sftpAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), password: optionalSecret }),
  z.object({ kind: z.literal('key'), keyPath: z.string().min(1).max(4096), passphrase: optionalSecret }),
  z.object({ kind: z.literal('agent') }),
  z.object({ kind: z.literal('keyboardInteractive'), password: optionalSecret }),
]);

export const sftpConnectionDraftSchema = z.object({
  id: z.string().max(64).optional(),
  protocol: z.literal('sftp'),
  name,
  host: z.string().trim().min(1, 'Enter a host name').max(255),
  port: z.number().int().min(1).max(65535),
  username: z.string().trim().min(1, 'Enter a user name').max(255),
  auth: sftpAuthSchema,
  rememberSecret: z.boolean(),
  initialPath: z.string().max(4096).optional(),
  /** ProxyJump: `[user@]host[:port]` of a bastion to connect through (same credentials). */
  proxyJump: z
    .string()
    .trim()
    .max(600)
    .regex(/^([^@\s]+@)?(\[[^\]\s]+\]|[^:@\s\[\]]+)(:\d{1,5})?$/, 'A jump host looks like user@bastion.example.com:22')
    .optional()
    .or(z.literal('')),
});

export const connectionDraftSchema = z.discriminatedUnion('protocol', [
  s3ConnectionDraftSchema,
  sftpConnectionDraftSchema,
]);

export type S3ConnectionDraft = z.infer<typeof s3ConnectionDraftSchema>;
export type SftpConnectionDraft = z.infer<typeof sftpConnectionDraftSchema>;
export type ConnectionDraft = z.infer<typeof connectionDraftSchema>;

type WithoutSecrets<T> = T extends { auth: infer A }
  ? Omit<T, 'auth' | 'id'> & { auth: StripSecrets<A> }
  : never;
type StripSecrets<A> = A extends unknown
  ? Omit<A, 'secretAccessKey' | 'sessionToken' | 'password' | 'passphrase'>
  : never;

/** What the renderer may know of a saved connection: everything but its secrets. */
export type ConnectionSummary = WithoutSecrets<ConnectionDraft> & {
  id: string;
  /** A secret is saved (encrypted) for this connection. */
  hasSavedSecret: boolean;
  /** The connection needs a secret typed in at connect time. */
  needsSecretAtConnect: boolean;
};

/** Whether a connection logs in with a secret the user types (an access key's secret, a password): one to save, or to ask for. */
export function typesSecret(c: Pick<ConnectionDraft, 'protocol' | 'auth'>): boolean {
  if (c.protocol === 's3') return c.auth.kind === 'keys';
  return c.auth.kind === 'password' || c.auth.kind === 'keyboardInteractive';
}

/** Secrets typed at connect time when the user chose not to save them. */
export const connectSecretsSchema = z
  .object({
    secretAccessKey: optionalSecret,
    sessionToken: optionalSecret,
    password: optionalSecret,
    passphrase: optionalSecret,
    mfaCode: z.string().regex(/^\d{6}$/).optional(),
  })
  .optional();

export type ConnectSecrets = z.infer<typeof connectSecretsSchema>;

export interface HostKeyPrompt {
  promptId: string;
  host: string;
  port: number;
  keyType: string;
  fingerprintSha256: string;
  /** Set when a different key was saved for this host before: the connection is refused. */
  changedFrom?: string;
  /** Set with `changedFrom`: what changed, that it may be an attack, and how to remove the old entry if the change is expected. */
  refusal?: string;
  /** `refusal`'s catalog key and values, shown in the user's language. */
  refusalCode?: string;
  refusalParams?: MessageParams;
  /** The command `refusal` ends with, which removes the old entry (shown apart, to copy). */
  removalCommand?: string;
}

export type ConnectOutcome =
  | {
      state: 'connected';
      connectionId: string;
      homePath: string;
      /** Things to tell the user that did not stop the connection (a key file others can read...). */
      warnings?: CatalogText[];
    }
  | { state: 'hostKeyPrompt'; prompt: HostKeyPrompt }
  /** An assume-role profile needs a code from the MFA device: connect again with `mfaCode`. */
  | { state: 'mfaPrompt'; connectionId: string; profile: string; mfaSerial: string }
  /** The server refused the secret (`message` says how): connect again with it typed anew. Nothing refused was saved. */
  | { state: 'credentialsRefused'; connectionId: string; message: string; code?: string; params?: MessageParams };

export interface SecretStorageInfo {
  /** The OS keychain (or DPAPI) protects secrets at rest. */
  strong: boolean;
  backend: string;
  explanation: string;
  /** `explanation`'s catalog key and values, shown in the user's language. */
  explanationCode: string;
  explanationParams: MessageParams;
}
