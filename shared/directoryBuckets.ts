/**
 * Directory buckets (S3 Express One Zone): named `<base>--<zone id>--x-s3`, a suffix general
 * purpose buckets may not use, so the name alone says which kind a bucket is (the AWS SDK
 * decides the same way which endpoint and signing a request takes).
 */

const directoryName = /^[a-z0-9][a-z0-9-]*--([a-z0-9-]+)--x-s3$/;

export function isDirectoryBucket(bucket: string): boolean {
  return directoryName.test(bucket);
}

const directions: Record<string, string> = {
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  c: 'central',
  ne: 'northeast',
  nw: 'northwest',
  se: 'southeast',
  sw: 'southwest',
};

/**
 * The region a directory bucket lives in, read from its zone id: `use1-az4` is us-east-1,
 * `apne1-az4` ap-northeast-1, a Local Zone's `usw2-lax1-az1` us-west-2. Directory buckets
 * have no GetBucketLocation, and their zonal endpoint names the region.
 */
export function directoryBucketRegion(bucket: string): string | undefined {
  const zone = directoryName.exec(bucket)?.[1];
  const code = zone && /^([a-z]{2})(n|s|e|w|c|ne|nw|se|sw)(\d+)-/.exec(zone);
  if (!code) return undefined;
  return `${code[1]}-${directions[code[2]!]}-${code[3]}`;
}

/**
 * The bucket settings directory buckets have (bucket policy, default encryption, lifecycle);
 * the rest (versioning, Block Public Access, which is always on, website, CORS, tags,
 * logging, Requester Pays, Object Lock, Transfer Acceleration, replication, event
 * notifications) are features of general purpose buckets only.
 */
export const directoryBucketSettings: ReadonlySet<string> = new Set(['policy', 'encryption', 'lifecycle']);
