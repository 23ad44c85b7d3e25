// How the S3 peers (aws, rclone) are told where the store is and whom to trust, the way their
// users tell them: environment variables, and rclone's remote "bench" configured in it.

export interface S3Target {
  endpoint: string;
  /** The private CA the store's certificate comes from (HTTPS only). */
  caFile?: string;
}

export interface S3Creds {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** This process's environment without proxy settings: the peers reach loopback directly, as Stowage does. */
export const proxyless = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(https?|all|no)_proxy$/i.test(name)));

export function s3PeerEnv(creds: S3Creds, t: S3Target) {
  // Each tool trusts the store's private CA the way its users tell it to, and nothing else decides.
  const awsEnv = { ...proxyless, AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey, AWS_DEFAULT_REGION: creds.region, AWS_CA_BUNDLE: t.caFile, AWS_PAGER: '' };
  const rcloneEnv = {
    ...proxyless,
    AWS_CA_BUNDLE: undefined,
    RCLONE_CONFIG_BENCH_TYPE: 's3',
    RCLONE_CONFIG_BENCH_PROVIDER: 'Ceph',
    RCLONE_CONFIG_BENCH_ENDPOINT: t.endpoint,
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: creds.accessKeyId,
    RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: creds.secretAccessKey,
    RCLONE_CONFIG_BENCH_REGION: creds.region,
  };
  const rcloneCa = t.caFile ? ['--ca-cert', t.caFile] : [];
  return { awsEnv, rcloneEnv, rcloneCa };
}
