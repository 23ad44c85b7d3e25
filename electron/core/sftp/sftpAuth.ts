import type { AnyAuthMethod, AuthenticationType, AuthHandlerMiddleware, ParsedKey } from 'ssh2';
import { codedError, credentialsRefused, type AppError } from '../errors.js';
import { agentFor } from './sshAgent.js';

export { agentSocketFor } from './sshAgent.js';

export type SftpAuth =
  | { kind: 'password'; password: string }
  | { kind: 'key'; keyPath: string; passphrase?: string }
  /** `agentSocket` defaults to SSH_AUTH_SOCK (on Windows: the OpenSSH agent's pipe, else Pageant; see sshAgent.ts). */
  | { kind: 'agent'; agentSocket?: string }
  | { kind: 'keyboardInteractive'; password: string };

export interface AuthAttempts {
  handler: AuthHandlerMiddleware;
  /** Why the server said no, in words, once every attempt failed. */
  explainFailure(): AppError;
}

/**
 * Tries the chosen method; a password also goes by keyboard-interactive (and the other way
 * round) when the server does not offer the first, as servers with PAM often do.
 */
export function authAttempts(username: string, auth: SftpAuth, credential: ParsedKey | string | undefined): AuthAttempts {
  const methods = methodsFor(username, auth, credential);
  let next = 0;
  let offered: AuthenticationType[] | null = null;

  const handler: AuthHandlerMiddleware = (methodsLeft, _partial, callback) => {
    offered = methodsLeft;
    while (next < methods.length) {
      const method = methods[next++]!;
      // A failed first method the server still offers means the secret was wrong: stop.
      if (methodsLeft && next > 1 && methodsLeft.includes(wireName(methods[0]!))) break;
      if (!methodsLeft || methodsLeft.includes(wireName(method))) return callback(method);
    }
    // `false` ends the attempts, as ssh2 documents and checks (`nextAuth === false`); @types/ssh2's
    // NextAuthHandler leaves that value out, so it is passed as an argument list, not cast in.
    Reflect.apply(callback, undefined, [false]);
  };

  const explainFailure = () => {
    const serverOffers = offered ?? [];
    const accepted = methods.some((m) => serverOffers.includes(wireName(m)));
    if (offered && !accepted) {
      const methods = serverOffers.join(', ');
      if (describeKind(auth) === 'key') {
        return methods ? codedError('auth', 'coreSftp:login.keyLoginsRefused', { methods }) : codedError('auth', 'coreSftp:login.keyLoginsRefusedNone');
      }
      return methods ? codedError('auth', 'coreSftp:login.passwordLoginsRefused', { methods }) : codedError('auth', 'coreSftp:login.passwordLoginsRefusedNone');
    }
    switch (auth.kind) {
      case 'key':
        return codedError('auth', 'coreSftp:login.keyRefused', { keyPath: auth.keyPath, username });
      case 'agent':
        return codedError('auth', 'coreSftp:login.agentKeysRefused', { username });
      default:
        return credentialsRefused('coreSftp:login.passwordWrong');
    }
  };

  return { handler, explainFailure };
}

function methodsFor(username: string, auth: SftpAuth, credential: ParsedKey | string | undefined): AnyAuthMethod[] {
  switch (auth.kind) {
    case 'password':
      return [
        { type: 'password', username, password: auth.password },
        keyboardInteractive(username, auth.password),
      ];
    case 'keyboardInteractive':
      return [
        keyboardInteractive(username, auth.password),
        { type: 'password', username, password: auth.password },
      ];
    case 'key':
      return [{ type: 'publickey', username, key: credential as ParsedKey }];
    case 'agent':
      // Pageant gets an agent of ours: ssh2's own spawns a pagent.exe the app does not have where ssh2 looks.
      return [{ type: 'agent', username, agent: agentFor(credential as string) }];
  }
}

/** The method name a server lists: agent keys go as `publickey`. */
function wireName(method: AnyAuthMethod): AuthenticationType {
  return method.type === 'agent' ? 'publickey' : method.type;
}

function keyboardInteractive(username: string, password: string): AnyAuthMethod {
  return {
    type: 'keyboard-interactive',
    username,
    // PAM asks "Password:"; answering every prompt with it covers the usual single-prompt case.
    prompt: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => password)),
  };
}

function describeKind(auth: SftpAuth): string {
  switch (auth.kind) {
    case 'key':
    case 'agent':
      return 'key';
    default:
      return 'password';
  }
}
