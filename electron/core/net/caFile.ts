import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError, codedError } from '../errors.js';

/** A bundle of a few hundred certificates is well under this; anything larger is not a CA file. */
const maxCaFileBytes = 4 * 1024 * 1024;

/** The PEM certificate blocks in a text (a CA bundle holds several). */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/**
 * The certificates a connection's CA file names, each one checked to be a certificate, so
 * a wrong file is said plainly at connect time instead of as a TLS failure later.
 */
export async function readCaFile(path: string): Promise<string[]> {
  let text: string;
  try {
    if ((await stat(path)).size > maxCaFileBytes) throw codedError('invalidInput', 'coreNet:caFileTooLarge', { path });
    text = await readFile(path, 'latin1');
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw codedError('notFound', 'coreNet:caFileMissing', { path }, error);
    if (code === 'EACCES') throw codedError('invalidInput', 'coreNet:caFileDenied', { path }, error);
    if (code === 'EISDIR') throw codedError('invalidInput', 'coreNet:caFileIsFolder', { path }, error);
    throw codedError('invalidInput', 'coreNet:caFileUnreadable', { path, detail: (error as Error).message }, error);
  }
  const certificates = pemCertificates(text);
  if (!certificates.length) throw codedError('invalidInput', 'coreNet:caFileNotPem', { path });
  for (const pem of certificates) {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw codedError('invalidInput', 'coreNet:caFileDamaged', { path }, error);
    }
  }
  return certificates;
}
