/**
 * The device sign-ins under way, by id: started by `sso:start`, waited for by `sso:finish`,
 * stopped by `sso:cancel`. The window knows a sign-in by its id only; the page to open and
 * the device code stay here.
 */
import { randomUUID } from 'node:crypto';
import { codedError } from '../../errors.js';
import type { SsoSignInStarted } from '../../../../shared/sso.js';
import { startDeviceSignIn, type PendingSignIn, type SignInContext } from './deviceSignIn.js';
import { ssoSettings } from './ssoSettings.js';

interface Running {
  pending: PendingSignIn;
  abort: AbortController;
  finishing?: Promise<{ expiresAt: number }>;
}

export class SsoSignIns {
  private readonly running = new Map<string, Running>();

  /** `context`: the environment, home and request handler (the OS's proxy) sign-ins use, made on first use. */
  constructor(private readonly context: () => Promise<SignInContext>) {}

  async start(profile: string): Promise<SsoSignInStarted> {
    const ctx = await this.context();
    const settings = await ssoSettings(ctx.env, ctx.homeDir, profile);
    const pending = await startDeviceSignIn(settings, ctx);
    const signInId = randomUUID();
    const abort = new AbortController();
    this.running.set(signInId, { pending, abort });
    // A sign-in nobody waits for ends with its code.
    setTimeout(() => this.cancel(signInId), pending.authorization.expiresIn * 1000 + 60_000).unref();
    const { userCode, verificationUri, expiresIn } = pending.authorization;
    return { signInId, userCode, verificationUri, expiresIn };
  }

  /** The page with the code filled in (checked against the allowed AWS pages when it was started). */
  page(signInId: string): string {
    return this.get(signInId).pending.authorization.verificationUriComplete;
  }

  finish(signInId: string): Promise<{ expiresAt: number }> {
    const run = this.get(signInId);
    run.finishing ??= run.pending.finish(run.abort.signal).finally(() => this.running.delete(signInId));
    return run.finishing;
  }

  cancel(signInId: string): void {
    const run = this.running.get(signInId);
    if (!run) return;
    run.abort.abort();
    if (!run.finishing) this.running.delete(signInId);
  }

  private get(signInId: string): Running {
    const run = this.running.get(signInId);
    if (!run) throw codedError('notFound', 'coreConnections:sso.signInGone');
    return run;
  }
}
