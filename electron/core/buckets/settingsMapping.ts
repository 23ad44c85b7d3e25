/** Converts between the SDK's bucket configuration shapes and the UI's (shared/buckets.ts). */
import type { CORSRule, LifecycleRule as SdkLifecycleRule, ObjectLockConfiguration, RoutingRule, WebsiteConfiguration } from '@aws-sdk/client-s3';
import type { CorsRule, DefaultRetention, LifecycleRule, ObjectLockConfig, WebsiteConfig, WebsiteRoutingRule } from '../../../shared/buckets.js';

export function websiteFromSdk(out: WebsiteConfiguration): WebsiteConfig {
  if (out.RedirectAllRequestsTo?.HostName) {
    const protocol = out.RedirectAllRequestsTo.Protocol;
    return { mode: 'redirect', hostName: out.RedirectAllRequestsTo.HostName, ...(protocol ? { protocol } : {}) };
  }
  if (!out.IndexDocument?.Suffix) return { mode: 'off' };
  return {
    mode: 'site',
    indexDocument: out.IndexDocument.Suffix,
    ...(out.ErrorDocument?.Key ? { errorDocument: out.ErrorDocument.Key } : {}),
    ...(out.RoutingRules?.length ? { routingRules: out.RoutingRules as WebsiteRoutingRule[] } : {}),
  };
}

export function websiteToSdk(config: Exclude<WebsiteConfig, { mode: 'off' }>): WebsiteConfiguration {
  if (config.mode === 'redirect') {
    return { RedirectAllRequestsTo: { HostName: config.hostName, Protocol: config.protocol } };
  }
  return {
    IndexDocument: { Suffix: config.indexDocument },
    ErrorDocument: config.errorDocument ? { Key: config.errorDocument } : undefined,
    RoutingRules: config.routingRules?.length ? (config.routingRules as RoutingRule[]) : undefined,
  };
}

export function lifecycleFromSdk(rules: SdkLifecycleRule[]): LifecycleRule[] {
  return rules.map((r, i) => {
    const filter = r.Filter;
    const prefix = filter?.Prefix ?? filter?.And?.Prefix ?? r.Prefix;
    const sdkTag = filter?.Tag ?? filter?.And?.Tags?.[0];
    return {
      id: r.ID ?? `rule-${i + 1}`,
      enabled: r.Status === 'Enabled',
      ...(prefix ? { prefix } : {}),
      ...(sdkTag?.Key ? { tag: { key: sdkTag.Key, value: sdkTag.Value ?? '' } } : {}),
      ...(r.Transitions?.length
        ? { transitions: r.Transitions.map((t) => ({ days: t.Days ?? 0, storageClass: t.StorageClass ?? 'STANDARD_IA' })) }
        : {}),
      ...(r.Expiration?.Days ? { expirationDays: r.Expiration.Days } : {}),
      ...(r.NoncurrentVersionExpiration?.NoncurrentDays
        ? { noncurrentExpirationDays: r.NoncurrentVersionExpiration.NoncurrentDays }
        : {}),
      ...(r.AbortIncompleteMultipartUpload?.DaysAfterInitiation
        ? { abortIncompleteMultipartDays: r.AbortIncompleteMultipartUpload.DaysAfterInitiation }
        : {}),
    };
  });
}

export function lifecycleToSdk(rules: LifecycleRule[]): SdkLifecycleRule[] {
  return rules.map((r) => {
    const tag = r.tag ? { Key: r.tag.key, Value: r.tag.value } : undefined;
    const Filter =
      tag && r.prefix ? { And: { Prefix: r.prefix, Tags: [tag] } } : tag ? { Tag: tag } : { Prefix: r.prefix ?? '' };
    return {
      ID: r.id,
      Status: r.enabled ? 'Enabled' : 'Disabled',
      Filter,
      Transitions: r.transitions?.map((t) => ({ Days: t.days, StorageClass: t.storageClass as never })),
      Expiration: r.expirationDays ? { Days: r.expirationDays } : undefined,
      NoncurrentVersionExpiration: r.noncurrentExpirationDays ? { NoncurrentDays: r.noncurrentExpirationDays } : undefined,
      AbortIncompleteMultipartUpload: r.abortIncompleteMultipartDays
        ? { DaysAfterInitiation: r.abortIncompleteMultipartDays }
        : undefined,
    };
  });
}

export function corsFromSdk(rules: CORSRule[]): CorsRule[] {
  return rules.map((r) => ({
    allowedOrigins: r.AllowedOrigins ?? [],
    allowedMethods: (r.AllowedMethods ?? []) as CorsRule['allowedMethods'],
    ...(r.AllowedHeaders?.length ? { allowedHeaders: r.AllowedHeaders } : {}),
    ...(r.ExposeHeaders?.length ? { exposeHeaders: r.ExposeHeaders } : {}),
    ...(r.MaxAgeSeconds !== undefined ? { maxAgeSeconds: r.MaxAgeSeconds } : {}),
  }));
}

export function corsToSdk(rules: CorsRule[]): CORSRule[] {
  return rules.map((r) => ({
    AllowedOrigins: r.allowedOrigins,
    AllowedMethods: r.allowedMethods,
    AllowedHeaders: r.allowedHeaders,
    ExposeHeaders: r.exposeHeaders,
    MaxAgeSeconds: r.maxAgeSeconds,
  }));
}

export function objectLockFromSdk(config: ObjectLockConfiguration | undefined): ObjectLockConfig {
  const retention = config?.Rule?.DefaultRetention;
  const mode = retention?.Mode;
  return {
    enabled: config?.ObjectLockEnabled === 'Enabled',
    ...(mode && (retention.Days || retention.Years)
      ? { defaultRetention: { mode, ...(retention.Days ? { days: retention.Days } : {}), ...(retention.Years ? { years: retention.Years } : {}) } }
      : {}),
  };
}

/** The whole configuration PutObjectLockConfiguration takes: enabled, with the default retention or none. */
export function objectLockToSdk(retention: DefaultRetention | null): ObjectLockConfiguration {
  if (!retention) return { ObjectLockEnabled: 'Enabled' };
  return {
    ObjectLockEnabled: 'Enabled',
    Rule: { DefaultRetention: { Mode: retention.mode, ...(retention.years ? { Years: retention.years } : { Days: retention.days }) } },
  };
}
