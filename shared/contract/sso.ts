import { z } from 'zod';
import type { SsoAccount, SsoRole, SsoSignInStarted } from '../sso.js';
import { op } from './define.js';
import { id } from './fields.js';

const profile = z.string().trim().min(1).max(256);
const signInId = id;

/** Signing in to IAM Identity Center (SSO) for an AWS profile, in the app, as `aws sso login` does. */
export const ssoOperations = {
  /** Registers the app with SSO OIDC (or reuses the cached registration) and starts a device authorization. */
  'sso:start': op<SsoSignInStarted>()(z.object({ profile })),
  /** Opens the sign-in page, with the code filled in, in the user's browser. */
  'sso:openPage': op<void>()(z.object({ signInId })),
  /** Waits until the user approves (the token is cached where the AWS CLI reads it), refuses, or the code expires. */
  'sso:finish': op<{ expiresAt: number }>()(z.object({ signInId })),
  /** Stops waiting; `sso:finish` then fails as cancelled. Unknown ids are ignored. */
  'sso:cancel': op<void>()(z.object({ signInId })),
  /** The accounts the profile's token may open. */
  'sso:accounts': op<SsoAccount[]>()(z.object({ profile })),
  /** The roles the token may take in one account. */
  'sso:roles': op<SsoRole[]>()(z.object({ profile, accountId: z.string().regex(/^\d{12}$/) })),
};

export const ssoEvents = {};
