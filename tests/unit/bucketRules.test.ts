import { describe, expect, it } from 'vitest';
import { parseRestoreHeader } from '../../electron/core/buckets/archiveRestore.js';
import { publicGrants } from '../../electron/core/buckets/bucketContext.js';
import { publicObjectUrl } from '../../electron/core/buckets/objectAcl.js';
import { lifecycleFromSdk, lifecycleToSdk, websiteFromSdk, websiteToSdk } from '../../electron/core/buckets/settingsMapping.js';
import { awsWebsiteEndpoint, regionFromLocation } from '../../electron/core/buckets/websiteEndpoint.js';
import { bucketNameProblem as nameProblem, policyElsewhereWarning as elsewhereWarning, policyGrantsPublicHere, policyProblem as shapeProblem, publicReadPolicy, restoreTiersFor, type LifecycleRule } from '../../shared/buckets.js';
import type { CatalogText } from '../../shared/i18n/catalogText.js';
import { englishMessage } from '../../shared/i18n/englishMessages.js';

/** The shared checks answer catalog sentences; the tests read their English. */
const english = (text: CatalogText | null) => (text ? englishMessage(text.key, text.params) : null);
const bucketNameProblem = (name: string) => english(nameProblem(name));
const policyProblem = (text: string) => english(shapeProblem(text));
const policyElsewhereWarning = (text: string, bucket: string) => english(elsewhereWarning(text, bucket));

describe('bucket name validation as you type', () => {
  it.each(['abc', 'my-bucket', 'logs.example.com', 'a1b2c3', '123', 'a'.repeat(63), 'xn-not-prefix', 'bucket-s3alias-not-suffix'])('accepts %s', (name) => {
    expect(bucketNameProblem(name)).toBeNull();
  });

  it.each([
    ['ab', 'Bucket names are at least 3 characters long.'],
    ['a'.repeat(64), 'Bucket names are at most 63 characters long.'],
    ['MyBucket', 'Bucket names cannot contain uppercase letters.'],
    ['my_bucket', 'Bucket names may only contain lowercase letters, digits, dots (.) and hyphens (-).'],
    ['my bucket', 'Bucket names may only contain lowercase letters, digits, dots (.) and hyphens (-).'],
    ['-bucket', 'Bucket names must begin with a letter or a digit.'],
    ['.bucket', 'Bucket names must begin with a letter or a digit.'],
    ['bucket-', 'Bucket names must end with a letter or a digit.'],
    ['my..bucket', 'Bucket names cannot contain two dots in a row.'],
    ['my.-bucket', 'Bucket names cannot have a dot next to a hyphen.'],
    ['192.168.5.4', 'Bucket names cannot look like an IP address (such as 192.168.5.4).'],
    ['xn--bucket', 'Bucket names cannot start with "xn--".'],
    ['sthree-bucket', 'Bucket names cannot start with "sthree-".'],
    ['bucket-s3alias', 'Bucket names cannot end with "-s3alias".'],
    ['bucket--ol-s3', 'Bucket names cannot end with "--ol-s3".'],
    ['bucket.mrap', 'Bucket names cannot end with ".mrap".'],
  ])('rejects %s', (name, problem) => {
    expect(bucketNameProblem(name)).toBe(problem);
  });
});

describe('policy validation', () => {
  it('accepts the standard public-read policy and names the first problem otherwise', () => {
    expect(policyProblem(publicReadPolicy('site'))).toBeNull();
    expect(JSON.parse(publicReadPolicy('site')).Statement[0].Resource).toBe('arn:aws:s3:::site/*');
    expect(policyProblem('{')).toMatch(/^The policy is not valid JSON: /);
    expect(policyProblem('[]')).toBe('A policy is a JSON object.');
    expect(policyProblem('{"Version":"2012-10-17"}')).toBe('A policy needs a "Statement" with at least one statement.');
    expect(policyProblem('{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*"}}')).toBe('Statement 1 has no "Resource".');
    expect(policyProblem('{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}')).toBe(
      'Statement 1 has no "Principal" (bucket policies need one).',
    );
  });
});

describe('website endpoints per region', () => {
  it('uses a dash in the older regions and a dot elsewhere', () => {
    expect(awsWebsiteEndpoint('b', 'us-east-1')).toBe('http://b.s3-website-us-east-1.amazonaws.com');
    expect(awsWebsiteEndpoint('b', 'eu-west-1')).toBe('http://b.s3-website-eu-west-1.amazonaws.com');
    expect(awsWebsiteEndpoint('b', 'ap-southeast-2')).toBe('http://b.s3-website-ap-southeast-2.amazonaws.com');
    expect(awsWebsiteEndpoint('b', 'eu-central-1')).toBe('http://b.s3-website.eu-central-1.amazonaws.com');
    expect(awsWebsiteEndpoint('b', 'ap-south-1')).toBe('http://b.s3-website.ap-south-1.amazonaws.com');
    expect(awsWebsiteEndpoint('b', 'cn-north-1')).toBe('http://b.s3-website.cn-north-1.amazonaws.com.cn');
  });

  it('maps empty and legacy location constraints to regions', () => {
    expect(regionFromLocation(undefined)).toBe('us-east-1');
    expect(regionFromLocation('')).toBe('us-east-1');
    expect(regionFromLocation('EU')).toBe('eu-west-1');
    expect(regionFromLocation('ap-northeast-3')).toBe('ap-northeast-3');
  });
});

describe('archive restore', () => {
  it('reads x-amz-restore', () => {
    expect(parseRestoreHeader('STANDARD', undefined)).toEqual({ state: 'notArchived' });
    expect(parseRestoreHeader('DEEP_ARCHIVE', undefined)).toEqual({ state: 'archived' });
    expect(parseRestoreHeader('GLACIER', 'ongoing-request="true"')).toEqual({ state: 'inProgress' });
    expect(parseRestoreHeader('GLACIER', 'ongoing-request="false", expiry-date="Fri, 23 Dec 2012 00:00:00 GMT"')).toEqual({
      state: 'restored',
      expires: Date.UTC(2012, 11, 23),
    });
  });

  it('offers Expedited only where it exists', () => {
    expect(restoreTiersFor('GLACIER')).toEqual(['Expedited', 'Standard', 'Bulk']);
    expect(restoreTiersFor('DEEP_ARCHIVE')).toEqual(['Standard', 'Bulk']);
  });
});

describe('public access', () => {
  it('finds grants to everyone and to any AWS account', () => {
    expect(
      publicGrants([
        { Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        { Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, Permission: 'WRITE' },
        { Grantee: { URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
        { Grantee: {}, Permission: 'FULL_CONTROL' },
      ]),
    ).toEqual(['Everyone: READ', 'Any AWS account: WRITE']);
  });

  it('builds public object URLs for AWS and custom endpoints', () => {
    expect(publicObjectUrl('b', 'a dir/ü.txt', 'eu-central-1')).toBe('https://b.s3.eu-central-1.amazonaws.com/a%20dir/%C3%BC.txt');
    expect(publicObjectUrl('b', 'x.txt', 'us-east-1', 'http://127.0.0.1:7480/')).toBe('http://127.0.0.1:7480/b/x.txt');
  });
});

describe('settings mapping', () => {
  it('round-trips lifecycle rules with prefix, tag and both', () => {
    const rules: LifecycleRule[] = [
      { id: 'p', enabled: true, prefix: 'logs/', expirationDays: 30 },
      { id: 't', enabled: false, tag: { key: 'k', value: 'v' }, noncurrentExpirationDays: 5 },
      { id: 'pt', enabled: true, prefix: 'x/', tag: { key: 'k', value: 'v' }, transitions: [{ days: 30, storageClass: 'GLACIER' }], abortIncompleteMultipartDays: 2 },
    ];
    expect(lifecycleToSdk(rules)[2]!.Filter).toEqual({ And: { Prefix: 'x/', Tags: [{ Key: 'k', Value: 'v' }] } });
    expect(lifecycleFromSdk(lifecycleToSdk(rules))).toEqual(rules);
  });

  it('round-trips website configurations', () => {
    expect(websiteFromSdk(websiteToSdk({ mode: 'redirect', hostName: 'example.com' }))).toEqual({ mode: 'redirect', hostName: 'example.com' });
    expect(websiteFromSdk(websiteToSdk({ mode: 'site', indexDocument: 'index.html' }))).toEqual({ mode: 'site', indexDocument: 'index.html' });
    expect(websiteFromSdk({})).toEqual({ mode: 'off' });
  });
});

describe('storage class filter token', () => {
  it('rides in the filter text and filters entries by class', async () => {
    const { splitClassFilter, withClassFilter } = await import('../../renderer/src/features/buckets/storageClassFilter.js');
    expect(splitClassFilter('report class:GLACIER')).toEqual({ text: 'report', storageClass: 'GLACIER' });
    expect(splitClassFilter('plain')).toEqual({ text: 'plain' });
    expect(withClassFilter('report', 'STANDARD_IA')).toBe('class:STANDARD_IA report');
    expect(withClassFilter('class:GLACIER report', '')).toBe('report');
    const { filterEntries } = await import('../../renderer/src/lib/entries.js');
    const entries = [
      { name: 'a.txt', path: '/b/a.txt', kind: 'file' as const, storageClass: 'STANDARD' },
      { name: 'b.txt', path: '/b/b.txt', kind: 'file' as const, storageClass: 'GLACIER' },
      { name: 'c.log', path: '/b/c.log', kind: 'file' as const, storageClass: 'GLACIER' },
    ];
    expect(filterEntries(entries, 'class:GLACIER').map((e) => e.name)).toEqual(['b.txt', 'c.log']);
    expect(filterEntries(entries, 'class:GLACIER .txt').map((e) => e.name)).toEqual(['b.txt']);
  });
});

describe('bucket policy statements that name another bucket', () => {
  const policy = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const read = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' };

  it('warns about statements whose resources are elsewhere, and they make nothing public here', () => {
    const text = policy({ ...read, Resource: 'arn:aws:s3:::some-other-bucket/*' }, { ...read, Principal: { AWS: 'arn:aws:iam::1:root' }, Resource: 'arn:aws:s3:::mine' });
    expect(policyElsewhereWarning(text, 'mine')).toContain('statement 1 (arn:aws:s3:::some-other-bucket/*)');
    expect(policyElsewhereWarning(text, 'mine')).not.toContain('statement 2');
    expect(policyGrantsPublicHere(text, 'mine')).toBe(false);
  });

  it('accepts this bucket, its objects and wildcards that cover them', () => {
    expect(policyElsewhereWarning(publicReadPolicy('mine'), 'mine')).toBeNull();
    expect(policyGrantsPublicHere(publicReadPolicy('mine'), 'mine')).toBe(true);
    const wild = policy({ ...read, Principal: { AWS: ['*'] }, Resource: ['arn:aws:s3:::mi?e', 'arn:aws:s3:::m*/logs/*'] });
    expect(policyElsewhereWarning(wild, 'mine')).toBeNull();
    expect(policyGrantsPublicHere(wild, 'mine')).toBe(true);
    // Dots in a bucket name are literal, not "any character".
    expect(policyGrantsPublicHere(policy({ ...read, Resource: 'arn:aws:s3:::a.b/*' }), 'axb')).toBe(false);
    // NotResource applies to everything it does not name.
    expect(policyElsewhereWarning(policy({ ...read, NotResource: 'arn:aws:s3:::x/*' }), 'mine')).toBeNull();
  });
});
