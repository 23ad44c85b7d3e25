import { describe, expect, it } from 'vitest';
import { ssoProblem } from '../../electron/core/connections/awsProfiles.js';
import { rangeSizeFor } from '../../electron/core/s3/downloadPlan.js';
import { copySource, decodeListedKey, isXmlSafeKey } from '../../electron/core/s3/s3Keys.js';
import { decodeMetadataValue, encodeMetadataValue } from '../../electron/core/s3/s3Metadata.js';
import { plainObjectUrl } from '../../electron/core/s3/s3ObjectProps.js';
import { regionFromLocation } from '../../electron/core/s3/s3Regions.js';

describe('ranged download sizes', () => {
  const MiB = 1024 * 1024;
  it('uses large ranges for large objects, but gives every worker a few of them', () => {
    expect(rangeSizeFor(1024 * MiB, 6)).toBe(32 * MiB);
    expect(rangeSizeFor(100 * MiB, 6)).toBe(8 * MiB);
    expect(rangeSizeFor(400 * MiB, 6)).toBe(16 * MiB);
    expect(Math.ceil((400 * MiB) / rangeSizeFor(400 * MiB, 6))).toBeGreaterThanOrEqual(6 * 4);
    expect(rangeSizeFor(5 * 1024 * MiB, 1)).toBe(32 * MiB);
    expect(rangeSizeFor(20 * MiB, 0)).toBe(8 * MiB);
  });
});

describe('S3 listing keys (EncodingType=url)', () => {
  it('decodes encoded keys, with "+" as a space and %2B as a plus', () => {
    expect(decodeListedKey('a%2Fb+c%2Bd%25%01', true)).toBe('a/b c+d%\u0001');
  });
  it('decodes prefixes whose "/" the server left as is (Ceph RGW), and leaves unencoded listings alone', () => {
    expect(decodeListedKey('d/new%20folder/a%2Bb%25/', true)).toBe('d/new folder/a+b%/');
    expect(decodeListedKey('a+b%20', false)).toBe('a+b%20');
  });
  it('knows which keys XML cannot carry', () => {
    expect(isXmlSafeKey('ok ü/名')).toBe(true);
    expect(isXmlSafeKey('bad\u0001')).toBe(false);
    expect(isXmlSafeKey('tab\tand\nnewline')).toBe(true);
  });
  it('encodes CopySource segment by segment', () => {
    expect(copySource('b', 'a dir/100% ü+#?.txt')).toBe('b/a%20dir/100%25%20%C3%BC%2B%23%3F.txt');
  });
});

describe('S3 metadata values', () => {
  it('sends ASCII as is and other text as an RFC 2047 word, and reads both back', () => {
    expect(encodeMetadataValue('plain text')).toBe('plain text');
    const word = encodeMetadataValue('ok ✓');
    expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(decodeMetadataValue(word)).toBe('ok ✓');
    expect(decodeMetadataValue('=?utf-8?b?w7w=?=')).toBe('ü');
  });
});

describe('bucket regions and URLs', () => {
  it('maps GetBucketLocation answers to regions', () => {
    expect(regionFromLocation('')).toBe('us-east-1');
    expect(regionFromLocation(undefined)).toBe('us-east-1');
    expect(regionFromLocation('EU')).toBe('eu-west-1');
    expect(regionFromLocation('ap-southeast-2')).toBe('ap-southeast-2');
    expect(regionFromLocation('Not A Region!')).toBeUndefined();
  });
  it('builds plain object URLs for AWS, path-style and virtual-host endpoints', () => {
    expect(plainObjectUrl(undefined, false, 'eu-west-3', 'my-bucket', 'a b/c#.txt')).toBe('https://my-bucket.s3.eu-west-3.amazonaws.com/a%20b/c%23.txt');
    expect(plainObjectUrl('http://127.0.0.1:7480/', true, 'x', 'b', 'k')).toBe('http://127.0.0.1:7480/b/k');
    expect(plainObjectUrl('https://minio.example.com', false, 'x', 'b', 'k')).toBe('https://b.minio.example.com/k');
  });
  it('explains SSO sign-ins that are missing or expired', () => {
    expect(ssoProblem('p', undefined)).toEqual({
      problem: 'Not signed in to IAM Identity Center (SSO) for this profile: sign in (or run `aws sso login --profile p`), then connect again.',
      problemCode: 'coreS3:session.ssoNotSignedIn',
      problemParams: { profile: 'p' },
    });
    const expired = ssoProblem('p', 1000, 2000);
    expect(expired.problem).toMatch(/^The IAM Identity Center \(SSO\) sign-in expired at /);
    expect(expired).toMatchObject({ problemCode: 'coreS3:session.ssoExpiredAt', problemParams: { profile: 'p', expiredAt: 1000 } });
    expect(ssoProblem('p', 3000, 2000)).toEqual({});
  });
});
