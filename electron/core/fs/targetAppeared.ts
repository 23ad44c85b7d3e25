import { englishMessage } from '../../../shared/i18n/englishMessages.js';
import { baseName } from '../../../shared/paths.js';
import { AppError } from '../errors.js';

/**
 * The server refused a write that was to land only where nothing was (S3's If-None-Match):
 * something appeared at the target after the queue found it free. The queue asks the
 * conflict question again instead of failing the transfer.
 */
export class TargetAppearedError extends AppError {
  constructor(readonly remotePath: string) {
    const code = 'coreTransfers:conflict.appeared';
    const params = { name: baseName(remotePath) };
    super('conflict', englishMessage(code, params), { code, params });
  }
}
