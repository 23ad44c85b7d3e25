/**
 * Why a server refused an upload, when the refusal is not about the credentials: Ceph RGW
 * answers AccessDenied to every PutObject and multipart upload while the bucket's
 * BlockPublicAcls switch is on (AWS allows private uploads then). Blaming the keys would
 * send the user the wrong way.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { blockPublicAclsRefusal } from '../../../shared/buckets.js';
import { codedError } from '../errors.js';
import { httpStatusOf } from '../s3/s3Errors.js';
import { errorName } from './panel.js';
import { readPublicAccessBlock } from './readSettings.js';

const isAccessDenied = (error: unknown) =>
  errorName(error) === 'AccessDenied' || httpStatusOf(error) === 403;

/** The error to report for a failed upload into `bucket`: the switch when it is the cause, else `error` itself. */
export async function explainRefusedUpload(client: S3Client, bucket: string, error: unknown): Promise<unknown> {
  if (!isAccessDenied(error) || !client.config.isCustomEndpoint) return error;
  // An AWS endpoint typed in as custom (VPC, FIPS, dual-stack) is still AWS, which allows private uploads under the switch.
  const endpoint = await client.config.endpoint?.().catch(() => undefined);
  if (endpoint && /(^|\.)amazonaws\.com(\.cn)?$/i.test(endpoint.hostname)) return error;
  try {
    const block = await readPublicAccessBlock({ client }, bucket);
    return block.blockPublicAcls ? codedError('permission', blockPublicAclsRefusal, { bucket }, error) : error;
  } catch {
    return error;
  }
}
