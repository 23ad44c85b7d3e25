// Reads the env file written by `npm run servers:start` (tests/servers/servers.sh):
// the addresses and credentials of the real S3 (Ceph RGW) and SFTP (OpenSSH) test
// servers on loopback. Node builtins only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestbedEnv {
  s3: {
    endpoint: string;
    accessKeyId: string;
    secretAccessKey: string;
    /** A second user, for cross-account and AccessDenied cases. */
    accessKeyId2: string;
    secretAccessKey2: string;
    region: string;
    /** The same gateway over HTTPS (`https://127.0.0.1:PORT`), with a certificate signed by `caFile`; absent from servers started before it existed. */
    tlsEndpoint?: string | undefined;
    /** The private CA (PEM) the test script made for `tlsEndpoint`. */
    caFile?: string | undefined;
  };
  sftp: {
    host: string;
    port: number;
    username: string;
    password: string;
    /** The test user's home folder (emptied on every servers:start). */
    home: string;
    /** Paths of private key files (mode 600). */
    keys: {
      ed25519: string;
      /** RSA in PEM form ("-----BEGIN RSA PRIVATE KEY-----"), like an EC2 .pem. */
      rsaPem: string;
      ecdsa: string;
      /** ed25519 encrypted with `passphrase`. */
      encrypted: string;
      /** PuTTY key of the RSA key, as puttygen 0.78 writes it by default (PPK v3). */
      ppk: string;
      /** The same key as PPK v2 (the only PPK version the ssh2 package parses). */
      ppkV2?: string | undefined;
      /** PPK v3 encrypted with `passphrase` (Argon2id key derivation). */
      ppkEncrypted?: string | undefined;
    };
    passphrase: string;
    /** Path of the server's ed25519 host public key (OpenSSH .pub line). */
    hostKeyPub: string;
  };
}

export function testbedDir(): string {
  return process.env['STOWAGE_TESTBED_DIR'] || '/tmp/stowage-testbed';
}

export function testbedEnvPath(): string {
  return join(testbedDir(), 'env');
}

/** Parses KEY=VALUE lines; blank lines and # comments are skipped. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export function readTestbedEnv(): TestbedEnv {
  const file = testbedEnvPath();
  if (!existsSync(file)) {
    throw new Error(`test servers are not running: run \`npm run servers:start\` (no ${file})`);
  }
  const vars = parseEnvFile(readFileSync(file, 'utf8'));
  const need = (name: string): string => {
    const value = vars[name];
    if (value === undefined || value === '') {
      throw new Error(
        `test server env ${file} lacks ${name}: run \`npm run servers:start\` again`,
      );
    }
    return value;
  };
  const optional = (name: string): string | undefined => vars[name] || undefined;
  const port = Number(need('SFTP_PORT'));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`test server env ${file}: SFTP_PORT is not a port: ${vars['SFTP_PORT']}`);
  }
  return {
    s3: {
      endpoint: need('S3_ENDPOINT'),
      accessKeyId: need('S3_ACCESS_KEY'),
      secretAccessKey: need('S3_SECRET_KEY'),
      accessKeyId2: need('S3_ACCESS_KEY2'),
      secretAccessKey2: need('S3_SECRET_KEY2'),
      region: need('S3_REGION'),
      tlsEndpoint: optional('S3_TLS_ENDPOINT'),
      caFile: optional('S3_CA_FILE'),
    },
    sftp: {
      host: need('SFTP_HOST'),
      port,
      username: need('SFTP_USER'),
      password: need('SFTP_PASSWORD'),
      home: need('SFTP_HOME'),
      keys: {
        ed25519: need('SFTP_KEY_ED25519'),
        rsaPem: need('SFTP_KEY_RSA_PEM'),
        ecdsa: need('SFTP_KEY_ECDSA'),
        encrypted: need('SFTP_KEY_ENCRYPTED'),
        ppk: need('SFTP_KEY_PPK'),
        ppkV2: optional('SFTP_KEY_PPK_V2'),
        ppkEncrypted: optional('SFTP_KEY_PPK_ENCRYPTED'),
      },
      passphrase: need('SFTP_KEY_PASSPHRASE'),
      hostKeyPub: need('SFTP_HOST_KEY_PUB'),
    },
  };
}
