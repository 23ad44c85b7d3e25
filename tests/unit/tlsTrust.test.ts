// What TLS trusts (Node's roots, NODE_EXTRA_CA_CERTS, the OS store where Node can read it,
// a connection's CA file) and the sentences for a bad CA file or a failed handshake.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaFile } from '../../electron/core/net/caFile.js';
import { tlsErrorTranslator } from '../../electron/core/net/tlsErrors.js';
import { secureContextFor, trustedRoots } from '../../electron/core/net/trustStore.js';
import { s3ErrorTranslator } from '../../electron/core/s3/s3Errors.js';
import { makeTempDir, type TempDir } from '../support/tempDir.js';

describe('what TLS trusts', () => {
  let temp: TempDir;
  beforeAll(async () => void (temp = await makeTempDir('tls-trust')));
  afterAll(async () => temp.remove());

  it("includes every one of Node's bundled roots, and the OS store where this Node can read it", async () => {
    const roots = new Set(trustedRoots());
    for (const root of rootCertificates) expect(roots.has(root)).toBe(true);
    const tls = (await import('node:tls')) as { getCACertificates?: (source: string) => string[] };
    if (tls.getCACertificates) for (const system of tls.getCACertificates('system')) expect(roots.has(system)).toBe(true);
  });

  it('reads a CA file of one or more PEM certificates', async () => {
    const path = join(temp.path, 'bundle.pem');
    await writeFile(path, `a comment\n${rootCertificates[0]}\n${rootCertificates[1]}\n`);
    expect(await readCaFile(path)).toEqual([rootCertificates[0], rootCertificates[1]]);
    expect(await secureContextFor(path)).toBeDefined();
  });

  it('says plainly when a CA file is missing, is not PEM, or holds a damaged certificate', async () => {
    const missing = join(temp.path, 'nope.pem');
    await expect(readCaFile(missing)).rejects.toMatchObject({ kind: 'notFound', message: `The CA certificate file ${missing} does not exist. Choose the file again in the connection's settings.` });
    await expect(secureContextFor(missing)).rejects.toThrow(/does not exist/);

    const der = join(temp.path, 'ca.der');
    await writeFile(der, Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02]));
    await expect(readCaFile(der)).rejects.toMatchObject({ kind: 'invalidInput', message: expect.stringMatching(/is not a PEM certificate: .*-----BEGIN CERTIFICATE-----.*openssl x509 -inform der/) });

    const key = join(temp.path, 'key.pem');
    await writeFile(key, '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n');
    await expect(readCaFile(key)).rejects.toThrow(/is not a PEM certificate/);

    const damaged = join(temp.path, 'damaged.pem');
    await writeFile(damaged, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');
    await expect(readCaFile(damaged)).rejects.toThrow(`The CA certificate file ${damaged} holds a certificate that cannot be read: it is damaged or not a certificate.`);

    await expect(readCaFile(temp.path)).rejects.toThrow(/cannot be read: it is a folder\./);
  });
});

describe('a failed TLS handshake, in words', () => {
  const failure = (code: string, extra: object = {}) => Object.assign(new Error(`openssl says ${code}`), { code, ...extra });

  it('tells the user to name the CA file when the certificate is not trusted', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      const known = tlsErrorTranslator(failure(code));
      expect(known?.kind).toBe('network');
      expect(known?.message).toMatch(/not trusted.*name its certificate \(a PEM file\) as the connection's CA certificate file/);
    }
  });

  it('names the host on a name mismatch, and says what to do about dates and plain-HTTP ports', () => {
    expect(tlsErrorTranslator(failure('ERR_TLS_CERT_ALTNAME_INVALID', { host: 's3.lan' }))?.message).toMatch(/not made out for s3\.lan/);
    expect(tlsErrorTranslator(failure('CERT_HAS_EXPIRED'))?.message).toMatch(/has expired.*date and time/);
    expect(tlsErrorTranslator(failure('ERR_SSL_WRONG_VERSION_NUMBER'))?.message).toMatch(/does not speak TLS.*http:\/\//);
    expect(tlsErrorTranslator(failure('ECONNREFUSED'))).toBeUndefined();
  });

  it('finds the code in a cause chain, and S3 errors are explained the same way', () => {
    const wrapped = new Error('request failed', { cause: failure('SELF_SIGNED_CERT_IN_CHAIN') });
    expect(tlsErrorTranslator(wrapped)?.message).toMatch(/not trusted/);
    expect(s3ErrorTranslator(Object.assign(failure('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), { $metadata: {} }))?.message).toMatch(/not trusted/);
  });
});
