import { codedError, type ErrorTranslator } from '../errors.js';

const untrusted = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const outOfDate = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const notTls = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST']);

/** The first code in an error's cause chain, with the host a name check failed for. */
function codeOf(error: unknown, depth = 0): { code: string; host?: string } | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const { code, host, cause } = error as { code?: unknown; host?: unknown; cause?: unknown };
  if (typeof code === 'string') return { code, host: typeof host === 'string' ? host : undefined };
  return codeOf(cause, depth + 1);
}

/**
 * A failed TLS handshake in words that say what to do (name the CA file, fix the name,
 * renew the certificate), not OpenSSL's code.
 */
export const tlsErrorTranslator: ErrorTranslator = (error) => {
  const found = codeOf(error);
  if (!found) return undefined;
  const { code, host } = found;
  if (untrusted.has(code)) return codedError('network', 'coreNet:tlsUntrusted', undefined, error);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return host ? codedError('network', 'coreNet:tlsWrongName', { host }, error) : codedError('network', 'coreNet:tlsWrongNameUnknownHost', undefined, error);
  if (outOfDate.has(code)) return codedError('network', 'coreNet:tlsExpired', undefined, error);
  if (notTls.has(code)) return codedError('network', 'coreNet:tlsNotTls', undefined, error);
  return undefined;
};
