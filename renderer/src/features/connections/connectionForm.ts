/**
 * The connection form's model: what the fields hold, how they are checked (the same
 * rules and sentences as shared/connections.ts), and how they become a draft.
 */
import type {
  ConnectionDraft,
  ConnectionSummary,
  ConnectSecrets,
} from '../../../../shared/connections.js';
import { t } from '../../i18n/i18n.js';

export type SftpAuthKind = 'password' | 'key' | 'agent' | 'keyboardInteractive';

export interface FormValues {
  protocol: 's3' | 'sftp';
  name: string;
  endpointKind: 'aws' | 'custom';
  endpointUrl: string;
  region: string;
  forcePathStyle: boolean;
  /** '' = none: uploads get the bucket's default (STANDARD). */
  defaultStorageClass: string;
  /** '' = none: the OS's and Node's roots only. */
  caFile: string;
  /** AWS only: transfers use the accelerate endpoint of buckets that have it on. */
  useAccelerate: boolean;
  s3Auth: 'keys' | 'profile';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  profile: string;
  /** IAM Identity Center profiles: the account and role picked after signing in ('' = the profile's own). */
  ssoAccountId: string;
  ssoRoleName: string;
  host: string;
  port: string;
  username: string;
  sftpAuth: SftpAuthKind;
  password: string;
  keyPath: string;
  passphrase: string;
  /** SFTP ProxyJump: `[user@]host[:port]`, empty for none. */
  proxyJump: string;
  rememberSecret: boolean;
}

export type FieldErrors = Partial<Record<keyof FormValues, string>>;

export function emptyForm(): FormValues {
  return {
    protocol: 's3',
    name: '',
    endpointKind: 'aws',
    endpointUrl: '',
    region: 'us-east-1',
    forcePathStyle: false,
    defaultStorageClass: '',
    caFile: '',
    useAccelerate: false,
    s3Auth: 'keys',
    accessKeyId: '',
    secretAccessKey: '',
    sessionToken: '',
    profile: '',
    ssoAccountId: '',
    ssoRoleName: '',
    host: '',
    port: '22',
    username: '',
    sftpAuth: 'password',
    password: '',
    keyPath: '',
    passphrase: '',
    proxyJump: '',
    rememberSecret: true,
  };
}

/** Editing: everything but the secrets, which stay write-only. */
export function formFromSummary(c: ConnectionSummary): FormValues {
  const form = { ...emptyForm(), name: c.name, rememberSecret: c.rememberSecret };
  if (c.protocol === 's3') {
    return {
      ...form,
      protocol: 's3',
      endpointKind: c.endpoint.kind,
      endpointUrl: c.endpoint.kind === 'custom' ? c.endpoint.url : '',
      region: c.region,
      forcePathStyle: c.forcePathStyle,
      defaultStorageClass: c.defaultStorageClass ?? '',
      caFile: c.caFile ?? '',
      useAccelerate: c.useAccelerate ?? false,
      s3Auth: c.auth.kind,
      accessKeyId: c.auth.kind === 'keys' ? c.auth.accessKeyId : '',
      profile: c.auth.kind === 'profile' ? c.auth.profile : '',
      ssoAccountId: c.auth.kind === 'profile' ? (c.auth.ssoAccountId ?? '') : '',
      ssoRoleName: c.auth.kind === 'profile' ? (c.auth.ssoRoleName ?? '') : '',
    };
  }
  return {
    ...form,
    protocol: 'sftp',
    host: c.host,
    port: String(c.port),
    username: c.username,
    sftpAuth: c.auth.kind,
    keyPath: c.auth.kind === 'key' ? c.auth.keyPath : '',
    proxyJump: c.proxyJump ?? '',
  };
}

/** Does this form's auth carry a secret at all (something to remember or to ask for)? */
export function usesSecret(v: FormValues): boolean {
  if (v.protocol === 's3') return v.s3Auth === 'keys';
  return v.sftpAuth !== 'agent';
}

const endpointPattern = /^https?:\/\/[^\s/]+(\/[^\s]*)?$/i;
const regionPattern = /^[a-z0-9-]{2,32}$/;

/** `savedSecret`: editing a connection whose secret is already saved (blank = keep it). */
export function validate(v: FormValues, savedSecret: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = t('connections:invalid.name');
  const secretRequired = v.rememberSecret && !savedSecret;
  if (v.protocol === 's3') {
    if (v.endpointKind === 'custom' && !endpointPattern.test(v.endpointUrl.trim())) {
      errors.endpointUrl = t('connections:invalid.endpointUrl');
    }
    if (!regionPattern.test(v.region.trim())) errors.region = t('connections:invalid.region');
    if (v.s3Auth === 'keys') {
      if (!v.accessKeyId.trim()) errors.accessKeyId = t('connections:invalid.accessKeyId');
      if (secretRequired && !v.secretAccessKey) errors.secretAccessKey = t('connections:invalid.secretAccessKey');
    } else if (!v.profile.trim()) {
      errors.profile = t('connections:invalid.profile');
    }
    return errors;
  }
  if (!v.host.trim()) errors.host = t('connections:invalid.host');
  const port = Number(v.port.trim());
  if (!/^\d+$/.test(v.port.trim()) || port < 1 || port > 65535) errors.port = t('connections:invalid.port');
  if (!v.username.trim()) errors.username = t('connections:invalid.username');
  if (v.sftpAuth === 'key' && !v.keyPath.trim()) errors.keyPath = t('connections:invalid.keyPath');
  if (v.proxyJump.trim() && !/^([^@\s]+@)?(\[[^\]\s]+\]|[^:@\s[\]]+)(:\d{1,5})?$/.test(v.proxyJump.trim())) {
    errors.proxyJump = t('connections:invalid.proxyJump');
  }
  if (v.sftpAuth === 'password' && secretRequired && !v.password) errors.password = t('connections:invalid.password');
  return errors;
}

const optional = (value: string) => (value ? value : undefined);

export function toDraft(v: FormValues, id: string | null): ConnectionDraft {
  const common = { ...(id ? { id } : {}), name: v.name.trim(), rememberSecret: v.rememberSecret };
  if (v.protocol === 's3') {
    return {
      ...common,
      protocol: 's3',
      endpoint: v.endpointKind === 'aws' ? { kind: 'aws' } : { kind: 'custom', url: v.endpointUrl.trim() },
      region: v.region.trim(),
      forcePathStyle: v.forcePathStyle,
      ...(v.defaultStorageClass ? { defaultStorageClass: v.defaultStorageClass } : {}),
      ...(v.caFile.trim() ? { caFile: v.caFile.trim() } : {}),
      ...(v.endpointKind === 'aws' && v.useAccelerate ? { useAccelerate: true } : {}),
      auth:
        v.s3Auth === 'keys'
          ? {
              kind: 'keys',
              accessKeyId: v.accessKeyId.trim(),
              secretAccessKey: optional(v.secretAccessKey),
              sessionToken: optional(v.sessionToken),
            }
          : {
              kind: 'profile',
              profile: v.profile.trim(),
              ...(v.ssoAccountId && v.ssoRoleName ? { ssoAccountId: v.ssoAccountId, ssoRoleName: v.ssoRoleName } : {}),
            },
    };
  }
  return {
    ...common,
    protocol: 'sftp',
    host: v.host.trim(),
    port: Number(v.port.trim()),
    username: v.username.trim(),
    ...(v.proxyJump.trim() ? { proxyJump: v.proxyJump.trim() } : {}),
    auth:
      v.sftpAuth === 'key'
        ? { kind: 'key', keyPath: v.keyPath.trim(), passphrase: optional(v.passphrase) }
        : v.sftpAuth === 'agent'
          ? { kind: 'agent' }
          : { kind: v.sftpAuth, password: optional(v.password) },
  };
}

/** The secrets typed in the form, for connecting right after a save that did not keep them. */
export function typedSecrets(v: FormValues): ConnectSecrets | undefined {
  const secrets: NonNullable<ConnectSecrets> = {};
  if (v.protocol === 's3' && v.s3Auth === 'keys') {
    if (v.secretAccessKey) secrets.secretAccessKey = v.secretAccessKey;
    if (v.sessionToken) secrets.sessionToken = v.sessionToken;
  } else if (v.protocol === 'sftp') {
    if ((v.sftpAuth === 'password' || v.sftpAuth === 'keyboardInteractive') && v.password) secrets.password = v.password;
    if (v.sftpAuth === 'key' && v.passphrase) secrets.passphrase = v.passphrase;
  }
  return Object.keys(secrets).length ? secrets : undefined;
}

/** The form with its secret fields blank: saved, it keeps whatever secret is saved already. */
export function withoutSecrets(v: FormValues): FormValues {
  return { ...v, secretAccessKey: '', sessionToken: '', password: '', passphrase: '' };
}

export const awsRegions = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2',
  'ap-east-1', 'me-central-1', 'af-south-1',
];
