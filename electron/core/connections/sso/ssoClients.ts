/**
 * The two AWS clients of an IAM Identity Center sign-in: SSO OIDC (register, device
 * authorization, tokens) and the SSO portal (accounts, roles, role credentials). Both are
 * unsigned (OIDC needs no credentials; the portal takes the token as a bearer header).
 * AWS_ENDPOINT_URL_SSO_OIDC and AWS_ENDPOINT_URL_SSO are read from the core's environment,
 * as the SDK reads them from the process's, so tests point them at recorded AWS responses.
 */
import type { SSOClient } from '@aws-sdk/client-sso';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { NodeHttpHandler } from '@smithy/node-http-handler';

/** Where the SSO clients of one profile run: the core's environment and home, and the connection's network. */
export interface SsoContext {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  requestHandler?: NodeHttpHandler;
}

export interface SsoClientOptions {
  env: NodeJS.ProcessEnv;
  region: string;
  /** The connection's proxy and trust; the SDK's default when absent. */
  requestHandler?: NodeHttpHandler;
}

// Loaded on first use, like the other SDK clients only some connections need.
export async function ssoOidcClient({ env, region, requestHandler }: SsoClientOptions): Promise<SSOOIDCClient> {
  const { SSOOIDCClient } = await import('@aws-sdk/client-sso-oidc');
  return new SSOOIDCClient({ region, endpoint: env.AWS_ENDPOINT_URL_SSO_OIDC || undefined, requestHandler, maxAttempts: 2 });
}

export async function ssoPortalClient({ env, region, requestHandler }: SsoClientOptions): Promise<SSOClient> {
  const { SSOClient } = await import('@aws-sdk/client-sso');
  return new SSOClient({ region, endpoint: env.AWS_ENDPOINT_URL_SSO || undefined, requestHandler });
}
