// S3's errors (as the SDK throws them) and the contract's refusals cross IPC as a catalog
// code with parameters beside the English sentence, and the window shows them in Spanish.
import { NoSuchBucket, NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsRefusedError, toIpcError } from '../../electron/core/errors.js';
import { parseRequest } from '../../electron/core/ipc/dispatch.js';
import { s3ErrorTranslator } from '../../electron/core/s3/s3Errors.js';
import { errorText } from '../../renderer/src/i18n/errorText.js';
import { setLanguage, startI18n } from '../../renderer/src/i18n/i18n.js';

const metadata = (httpStatusCode: number) => ({ httpStatusCode, requestId: 'tx000000000000000000001-0000000000-default' });
const serviceError = (name: string, httpStatusCode: number, message: string) =>
  new S3ServiceException({ name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: metadata(httpStatusCode), message });
const ipc = (error: unknown) => toIpcError(error, [s3ErrorTranslator]);

beforeAll(async () => {
  await startI18n('en');
  await setLanguage('es');
});
afterAll(async () => setLanguage('en'));

describe("S3's errors in the catalogs", () => {
  it('keep their kind and English sentence, gain a code, and read in Spanish', () => {
    const noBucket = ipc(new NoSuchBucket({ $metadata: metadata(404), message: 'The specified bucket does not exist' }));
    expect(noBucket).toEqual({ kind: 'notFound', code: 'coreS3:service.noSuchBucket', message: 'The bucket does not exist.' });
    expect(errorText(noBucket)).toBe('El bucket no existe.');

    const noKey = ipc(new NoSuchKey({ $metadata: metadata(404), message: 'The specified key does not exist.' }));
    expect(noKey.code).toBe('coreS3:service.noSuchKey');
    expect(errorText(noKey)).toBe('El objeto no existe (puede que se haya eliminado).');

    const denied = ipc(serviceError('AccessDenied', 403, 'Access Denied'));
    expect(denied).toEqual({ kind: 'permission', code: 'coreS3:service.accessDenied', message: 'Access denied: these credentials are not allowed to do that.' });
    expect(errorText(denied)).toBe('Acceso denegado: estas credenciales no tienen permiso para hacerlo.');

    const slowDown = ipc(serviceError('SlowDown', 503, 'Please reduce your request rate.'));
    expect(slowDown).toMatchObject({ kind: 'network', code: 'coreS3:service.slowDown' });
    expect(errorText(slowDown)).toBe('El servidor pide reducir el ritmo de solicitudes (limitación): vuelve a intentarlo en unos momentos.');
  });

  it('carry the values of their sentence as parameters', () => {
    const unknown500 = ipc(serviceError('InternalError', 500, 'We encountered an internal error.'));
    expect(unknown500).toEqual({ kind: 'network', code: 'coreS3:service.serverError', params: { status: 500 }, message: 'The server had a problem (HTTP 500): try again.' });
    expect(errorText(unknown500)).toBe('El servidor tuvo un problema (HTTP 500): vuelve a intentarlo.');

    const answered = ipc(serviceError('InvalidArgument', 400, 'Invalid Argument'));
    expect(answered).toEqual({ kind: 'internal', code: 'coreS3:service.serverAnswered', params: { detail: 'Invalid Argument' }, message: 'The server answered: Invalid Argument' });
    expect(errorText(answered)).toBe('El servidor respondió: Invalid Argument');
  });

  it('keep refused keys a CredentialsRefusedError (the connect asks for them again), with a code', () => {
    const refused = s3ErrorTranslator(serviceError('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match'));
    expect(refused).toBeInstanceOf(CredentialsRefusedError);
    expect(refused).toMatchObject({ kind: 'auth', code: 'coreS3:service.wrongKeys', message: 'The access key or secret key is wrong.' });
    expect(errorText(ipc(refused))).toBe('La clave de acceso o la clave de acceso secreta no son correctas.');
  });
});

describe("the contract's refusals in the catalogs", () => {
  it('are whole sentences with the field, in English and in Spanish', () => {
    const refused = parseRequest('fs:mkdir', { connectionId: 'c', parentPath: '/b/', name: 'a/b' });
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'invalidInput', code: 'coreIpc:refused.folderSlash', params: { path: 'name' }, message: 'The request is not valid: A folder name cannot contain "/" (name).' },
    });
    if (refused.ok) throw new Error('expected a refusal');
    expect(errorText(refused.error)).toBe('La solicitud no es válida: el nombre de una carpeta no puede contener "/" (name).');
  });

  it("give zod's own words as a detail when the contract has no sentence of its own", () => {
    const refused = parseRequest('fs:list', { connectionId: 42, path: '/' });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error).toMatchObject({ kind: 'invalidInput', code: 'coreIpc:request.invalidDetail', params: { path: 'connectionId' } });
    expect(refused.error.message).toMatch(/^The request is not valid: .+ \(connectionId\)\.$/);
    expect(errorText(refused.error)).toMatch(/^La solicitud no es válida: .+ \(connectionId\)\.$/);
  });
});
