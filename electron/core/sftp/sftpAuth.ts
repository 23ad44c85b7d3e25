import type { AnyAuthMethod, AuthenticationType, AuthHandlerMiddleware, ParsedKey } from 'ssh2';
import { AppError } from '../errors.js';
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
    callback(false as unknown as AnyAuthMethod);
  };

  const explainFailure = () => {
    const serverOffers = offered ?? [];
    const accepted = methods.some((m) => serverOffers.includes(wireName(m)));
    if (offered && !accepted) {
      return new AppError(
        'auth',
        `The server does not accept ${describeKind(auth)} logins` +
          (serverOffers.length ? ` (it accepts: ${serverOffers.join(', ')}).` : '.'),
      );
    }
    switch (auth.kind) {
      case 'key':
        return new AppError('auth', `The server refused the key ${auth.keyPath} for user ${username}.`);
      case 'agent':
        return new AppError('auth', `The server refused every key the SSH agent offered for user ${username}.`);
      default:
        return new AppError('auth', 'The user name or password is wrong.');
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
