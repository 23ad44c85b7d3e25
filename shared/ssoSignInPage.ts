/**
 * The pages an IAM Identity Center sign-in may open in the user's browser: https only, on
 * the AWS access portal (`*.awsapps.com`) or the SSO OIDC device page AWS names
 * (`device.sso.<region>.amazonaws.com`, `.amazonaws.com.cn` in China). The core checks the
 * URL AWS answers with, and main checks it again before the OS opens it. Read without `URL`
 * (shared code has no DOM or Node types): no user info, no port but 443.
 */
const page = /^https:\/\/([a-z0-9.-]+)(:443)?([/?#]|$)/i;
const allowedHost = /^([a-z0-9-]+\.)+awsapps\.com(\.cn)?$|^device\.sso\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

export function isSsoSignInPage(url: string): boolean {
  const host = page.exec(url)?.[1]?.toLowerCase();
  return !!host && allowedHost.test(host) && !/\s/.test(url);
}
