import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../errors.js';
import { netMessages } from './netMessages.js';

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
    if ((await stat(path)).size > maxCaFileBytes) throw new AppError('invalidInput', netMessages.caFileTooLarge(path));
    text = await readFile(path, 'latin1');
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('notFound', netMessages.caFileMissing(path), { cause: error });
    throw new AppError('invalidInput', netMessages.caFileUnreadable(path, code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message), { cause: error });
  }
  const certificates = pemCertificates(text);
  if (!certificates.length) throw new AppError('invalidInput', netMessages.caFileNotPem(path));
  for (const pem of certificates) {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw new AppError('invalidInput', netMessages.caFileDamaged(path), { cause: error });
    }
  }
  return certificates;
}
