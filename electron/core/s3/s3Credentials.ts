import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

/** The SDK reuses credentials until 5 minutes before they expire. */
const sdkRefreshWindowMs = 300_000;

/**
 * The credentials every client of a session signs with, replaceable while the session
 * lives: fresh keys after an expiry take effect without closing tabs or transfers.
 */
export class CredentialSlot {
  private cached?: Promise<AwsCredentialIdentity>;

  constructor(private source: AwsCredentialIdentityProvider) {}

  replace(source: AwsCredentialIdentityProvider): void {
    this.source = source;
    this.cached = undefined;
  }

  readonly provide: AwsCredentialIdentityProvider = async () => {
    let current = this.cached ? await this.cached.catch(() => undefined) : undefined;
    if (!current || expiresWithin(current, sdkRefreshWindowMs)) {
      this.cached = this.source();
      this.cached.catch(() => (this.cached = undefined));
      current = await this.cached;
    }
    // A near expiry makes the SDK ask again within a second or so: a replace applies at once.
    const soon = Date.now() + sdkRefreshWindowMs + 1_000;
    const real = current.expiration?.getTime() ?? Infinity;
    return { ...current, expiration: new Date(Math.min(real, soon)) };
  };
}

function expiresWithin(c: AwsCredentialIdentity, ms: number): boolean {
  return c.expiration !== undefined && c.expiration.getTime() - Date.now() < ms;
}
