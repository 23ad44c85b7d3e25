/**
 * IAM Identity Center answered from recordings: one loopback server for both SSO OIDC
 * (RegisterClient, StartDeviceAuthorization, CreateToken) and the access portal
 * (ListAccounts, ListAccountRoles, GetRoleCredentials), replaying the JSON bodies and error
 * shapes the AWS API references document (HTTP 400 with `x-amzn-ErrorType` and
 * `{ error, error_description }` for the OAuth errors). Point the core at it with
 * AWS_ENDPOINT_URL_SSO_OIDC and AWS_ENDPOINT_URL_SSO. The role credentials it hands out are
 * the testbed's S3 keys, so a connection signed in this way really lists the RGW's buckets.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next device-grant CreateToken answers, in order; the token once the list is used up. */
export type TokenAnswer = 'pending' | 'slowDown' | 'expired' | 'denied' | 'token';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  at: number;
}

export interface RecordedSso {
  url: string;
  requests: RecordedRequest[];
  /** Answers of the coming device-grant CreateToken calls (mutable: tests push more). */
  tokenAnswers: TokenAnswer[];
  /** How long a refresh-token CreateToken takes to answer (mutable), so concurrent callers overlap. */
  refreshDelayMs: number;
  /** How long ListAccountRoles takes to answer for an account (mutable), so answers can arrive out of order. */
  rolesDelayMs: Record<string, number>;
  /** Pages StartDeviceAuthorization names instead of the recorded ones (mutable). */
  devicePages: { verificationUri?: string; verificationUriComplete?: string };
  close(): Promise<void>;
}

export const recordedUserCode = 'WDKS-QLZT';
export const recordedAccessToken = 'aoal-YigITUDiNX1xZwOMXM5MxOWDL0E0jg9P6_C_jKQPxS_SKCP6f0kh1Up4g7TtvQqkMnD-GJiU_S1gvug6SrggAkc0:EXAMPLEACCESSTOKEN';
export const recordedRefreshToken = 'aorvJYubGpU6i91YnH7Mfo-AT2fIVa1zCfA_Rvq9yjVKIP3onFmmykuQ7E93y2I-9Nyj-A_sVvMufaLNL0bqnDRtgAkc0:EXAMPLEREFRESHTOKEN';
export const refreshedAccessToken = 'aoal-refreshed-EXAMPLEACCESSTOKEN';
export const recordedClientId = '_yzkThXVzLWVhc3QtMQEXAMPLECLIENTID';
export const recordedClientSecret = 'VERYLONGSECRETeyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0';
export const recordedAccounts = [
  { accountId: '111122223333', accountName: 'Production', emailAddress: 'aws-prod@example.com' },
  { accountId: '444455556666', accountName: 'Analytics', emailAddress: 'aws-analytics@example.com' },
];
export const recordedRoles: Record<string, string[]> = { '111122223333': ['ReadOnly', 'AdministratorAccess'], '444455556666': ['DataEngineer'] };

/** RegisterClient (the API reference's example; the secret's end moved to 2099 so a cached one stays usable). */
const registerClient = { clientId: recordedClientId, clientIdIssuedAt: 1579725929, clientSecret: recordedClientSecret, clientSecretExpiresAt: 4070908800 };

/** StartDeviceAuthorization, as the API reference documents it (with a user code as people see it). */
const deviceAuthorization = {
  deviceCode: 'yJraWQiOiJrZXktMTU2Njk2ODA4OCIsImFsZyI6IkhTMzIn0EXAMPLEDEVICECODE',
  expiresIn: 600,
  interval: 1,
  userCode: recordedUserCode,
  verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
  verificationUriComplete: `https://device.sso.us-east-1.amazonaws.com/?user_code=${recordedUserCode}`,
};

/** The OAuth errors of CreateToken: HTTP 400, the Smithy type in `x-amzn-ErrorType`, the RFC 8628 code in the body. */
const tokenErrors: Record<Exclude<TokenAnswer, 'token'>, { type: string; error: string; description: string }> = {
  pending: { type: 'AuthorizationPendingException', error: 'authorization_pending', description: 'Authorization is still pending' },
  slowDown: { type: 'SlowDownException', error: 'slow_down', description: 'Client is polling too quickly' },
  expired: { type: 'ExpiredTokenException', error: 'expired_token', description: 'Device code has expired' },
  denied: { type: 'AccessDeniedException', error: 'access_denied', description: 'Access denied: the user refused the authorization request' },
};

const portalType = 'http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/';

export async function startRecordedSso(options: { accessKeyId: string; secretAccessKey: string; tokenAnswers?: TokenAnswer[]; tokenLifetimeSeconds?: number }): Promise<RecordedSso> {
  const requests: RecordedRequest[] = [];
  const tokenAnswers = [...(options.tokenAnswers ?? [])];
  const lifetime = options.tokenLifetimeSeconds ?? 28_800;
  const validTokens = new Set<string>([recordedAccessToken, refreshedAccessToken]);
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://recorded');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body, at: Date.now() });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': 'b9d5e2f4-0000-4000-8000-recorded', ...headers }).end(JSON.stringify(value));
      const oauthError = (answer: Exclude<TokenAnswer, 'token'>) => {
        const e = tokenErrors[answer];
        json(400, { error: e.error, error_description: e.description }, { 'x-amzn-errortype': `${e.type}:http://internal.amazon.com/coral/com.amazonaws.awsssooidc/` });
      };
      const bearer = req.headers['x-amz-sso_bearer_token'];
      const unauthorized = () => json(401, { message: 'Session token not found or invalid' }, { 'x-amzn-errortype': `UnauthorizedException:${portalType}` });
      switch (`${req.method} ${url.pathname}`) {
        case 'POST /client/register':
          return json(200, registerClient);
        case 'POST /device_authorization':
          return json(200, { ...deviceAuthorization, ...recorded.devicePages });
        case 'POST /token': {
          if (body.grantType === 'refresh_token') {
            if (body.refreshToken !== recordedRefreshToken) return json(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' }, { 'x-amzn-errortype': 'InvalidGrantException' });
            setTimeout(() => json(200, { accessToken: refreshedAccessToken, expiresIn: lifetime, refreshToken: recordedRefreshToken, tokenType: 'Bearer' }), recorded.refreshDelayMs);
            return;
          }
          const answer = tokenAnswers.shift() ?? 'token';
          if (answer !== 'token') return oauthError(answer);
          return json(200, { accessToken: recordedAccessToken, expiresIn: lifetime, refreshToken: recordedRefreshToken, tokenType: 'Bearer' });
        }
        case 'GET /assignment/accounts':
          if (typeof bearer !== 'string' || !validTokens.has(bearer)) return unauthorized();
          // Two pages, as the portal pages long lists.
          return url.searchParams.get('next_token') === 'page-2'
            ? json(200, { accountList: recordedAccounts.slice(1) })
            : json(200, { accountList: recordedAccounts.slice(0, 1), nextToken: 'page-2' });
        case 'GET /assignment/roles': {
          if (typeof bearer !== 'string' || !validTokens.has(bearer)) return unauthorized();
          const accountId = url.searchParams.get('account_id') ?? '';
          const roleList = (recordedRoles[accountId] ?? []).map((roleName) => ({ accountId, roleName }));
          setTimeout(() => json(200, { roleList }), recorded.rolesDelayMs[accountId] ?? 0);
          return;
        }
        case 'GET /federation/credentials': {
          if (typeof bearer !== 'string' || !validTokens.has(bearer)) return unauthorized();
          // A role not assigned in a known account: 403 "No access"; an account the user has no assignment in: 404.
          const roles = recordedRoles[url.searchParams.get('account_id') ?? ''];
          if (!roles) return json(404, { message: 'Could not find account' }, { 'x-amzn-errortype': `ResourceNotFoundException:${portalType}` });
          if (!roles.includes(url.searchParams.get('role_name') ?? '')) return json(403, { message: 'No access' }, { 'x-amzn-errortype': `ForbiddenException:${portalType}` });
          return json(200, {
            roleCredentials: {
              accessKeyId: options.accessKeyId,
              secretAccessKey: options.secretAccessKey,
              sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
              expiration: Date.now() + 3_600_000,
            },
          });
        }
        default:
          return json(404, { message: `Not recorded: ${req.method} ${url.pathname}` }, { 'x-amzn-errortype': 'ResourceNotFoundException' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const recorded: RecordedSso = {
    url: `http://127.0.0.1:${port}`,
    requests,
    tokenAnswers,
    refreshDelayMs: 0,
    rolesDelayMs: {},
    devicePages: {},
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return recorded;
}
