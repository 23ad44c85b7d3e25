import { GetBucketLocationCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { directoryBucketRegion, isDirectoryBucket } from '../../../shared/directoryBuckets.js';
import { createS3Client, type S3ClientOptions } from './s3Client.js';

const regionShape = /^[a-z0-9-]{2,32}$/;

/** GetBucketLocation's answer as a region: empty means us-east-1, "EU" is eu-west-1. */
export function regionFromLocation(location: string | undefined | null): string | undefined {
  if (location === undefined || location === null || location === '') return 'us-east-1';
  if (location === 'EU') return 'eu-west-1';
  return regionShape.test(location) ? location : undefined;
}

function headerRegion(error: unknown): string | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string> } }).$response?.headers;
  const region = headers?.['x-amz-bucket-region'];
  return region && regionShape.test(region) ? region : undefined;
}

/**
 * One S3 client per region, and each bucket's region found once (HeadBucket's
 * x-amz-bucket-region, else GetBucketLocation), so requests go where the bucket lives.
 */
export class RegionalClients {
  private clients = new Map<string, S3Client>();
  private bucketRegions = new Map<string, Promise<string>>();

  constructor(
    readonly base: S3Client,
    private readonly options: S3ClientOptions,
  ) {
    this.clients.set(options.region, base);
  }

  get defaultRegion(): string {
    return this.options.region;
  }

  regionOf(bucket: string): Promise<string> {
    let found = this.bucketRegions.get(bucket);
    if (!found) {
      found = this.detect(bucket);
      this.bucketRegions.set(bucket, found);
      // A failed guess is not remembered: the next request asks again.
      found.catch(() => this.bucketRegions.delete(bucket));
    }
    return found;
  }

  async clientFor(bucket: string): Promise<S3Client> {
    const region = await this.regionOf(bucket);
    return this.clientIn(region);
  }

  clientIn(region: string): S3Client {
    let client = this.clients.get(region);
    if (!client) {
      client = createS3Client({ ...this.options, region });
      this.clients.set(region, client);
    }
    return client;
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private async detect(bucket: string): Promise<string> {
    // A directory bucket's name holds its zone, so its region; it has no GetBucketLocation.
    if (isDirectoryBucket(bucket)) return directoryBucketRegion(bucket) ?? this.options.region;
    try {
      const head = await this.base.send(new HeadBucketCommand({ Bucket: bucket }));
      if (head.BucketRegion && regionShape.test(head.BucketRegion)) return head.BucketRegion;
    } catch (error) {
      // A 301/403 from AWS still names the region in its headers.
      const region = headerRegion(error);
      if (region) return region;
    }
    try {
      const out = await this.base.send(new GetBucketLocationCommand({ Bucket: bucket }));
      return regionFromLocation(out.LocationConstraint) ?? this.options.region;
    } catch {
      // Users without s3:GetBucketLocation: the connection's region is the best guess,
      // and the SDK still follows region redirects.
      return this.options.region;
    }
  }
}
