/**
 * Creates a topic at the test RGW through its SNS-compatible API (`Action=CreateTopic`, a
 * SigV4-signed form POST to the S3 endpoint), for bucket notifications to point at.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { testS3Client } from './s3Fixtures.js';
import type { TestbedEnv } from './testbedEnv.js';

/** Answers the topic's ARN, such as `arn:aws:sns:default::name` (RGW names no account). */
export async function createRgwTopic(env: TestbedEnv, name: string): Promise<string> {
  const client = testS3Client(env);
  const url = new URL(env.s3.endpoint);
  const signer = new SignatureV4({
    service: 'sns',
    region: env.s3.region,
    credentials: { accessKeyId: env.s3.accessKeyId, secretAccessKey: env.s3.secretAccessKey },
    sha256: client.config.sha256,
  });
  client.destroy();
  const body = new URLSearchParams({ Action: 'CreateTopic', Name: name }).toString();
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const res = await fetch(`${url.origin}/`, { method: 'POST', headers: signed.headers, body });
  const text = await res.text();
  const arn = /<TopicArn>([^<]+)<\/TopicArn>/.exec(text)?.[1];
  if (!res.ok || !arn) throw new Error(`RGW did not create topic ${name}: ${res.status} ${text}`);
  return arn;
}
