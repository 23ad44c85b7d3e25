/**
 * Website endpoints: AWS names them `bucket.s3-website-REGION.amazonaws.com` in the older
 * regions and `bucket.s3-website.REGION.amazonaws.com` everywhere else.
 * https://docs.aws.amazon.com/general/latest/gr/s3.html#s3_website_region_endpoints
 */
const dashRegions = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-west-1',
  'sa-east-1',
  'us-gov-west-1',
]);

export function awsWebsiteEndpoint(bucket: string, region: string): string {
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const host = dashRegions.has(region) ? `s3-website-${region}` : `s3-website.${region}`;
  return `http://${bucket}.${host}.${domain}`;
}

/** AWS's region for the empty or legacy LocationConstraint answers. */
export function regionFromLocation(location: string | undefined): string {
  if (!location) return 'us-east-1';
  if (location === 'EU') return 'eu-west-1';
  return location;
}
