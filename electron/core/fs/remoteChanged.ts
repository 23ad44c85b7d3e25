import { baseName } from '../../../shared/paths.js';
import { englishMessage } from '../../../shared/i18n/englishMessages.js';
import { AppError } from '../errors.js';

/**
 * A guarded write found the remote file no longer the version it was read at: someone
 * changed (or deleted) it meanwhile, so it was not overwritten.
 */
export class RemoteChangedError extends AppError {
  constructor(
    readonly remotePath: string,
    readonly gone: boolean,
  ) {
    const code = gone ? 'coreFs:editor.deletedOnServer' : 'coreFs:editor.changedOnServer';
    const params = { name: baseName(remotePath) };
    super('conflict', englishMessage(code, params), { code, params });
  }
}
