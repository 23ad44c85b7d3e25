/** IAM Identity Center (SSO) sign-in, as the window sees it: no token ever crosses to it. */

/** A device sign-in waiting for the user to approve its code in the browser. */
export interface SsoSignInStarted {
  signInId: string;
  userCode: string;
  /** The page the code is typed on (shown as text; "Open the sign-in page" opens it with the code filled in). */
  verificationUri: string;
  /** Seconds the code is good for. */
  expiresIn: number;
}

export interface SsoAccount {
  accountId: string;
  accountName: string;
  emailAddress?: string;
}

export interface SsoRole {
  roleName: string;
}
