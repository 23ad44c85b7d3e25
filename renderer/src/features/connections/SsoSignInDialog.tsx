/**
 * Signing in to IAM Identity Center (SSO) for an AWS profile: the code to confirm, a button
 * that opens AWS's sign-in page in the browser, waiting while the core polls for the token,
 * then the account and role the token allows. The window never sees the token.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/errors.js';
import type { SsoAccount, SsoRole, SsoSignInStarted } from '../../../../shared/sso.js';
import { api, errorMessage, isCancelled, unwrap } from '../../api/client.js';
import { SelectField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { KeyIcon, OpenIcon } from '../../components/icons.js';
import { ssoSignInDialog, type SsoSignInArgs } from './dialogs.js';
import './ssoSignIn.css';

/**
 * Asks the core for a list and takes the answer, or says its failure, unless the effect that
 * asked was undone first (an account picked since, the dialog closed). Returns the undo.
 */
function askLive<T>(request: Promise<Result<T>>, setError: (message: string | null) => void, take: (answer: T) => void): () => void {
  let live = true;
  setError(null);
  unwrap(request).then(
    (answer) => live && take(answer),
    (error: unknown) => live && setError(errorMessage(error)),
  );
  return () => {
    live = false;
  };
}

type Step = { kind: 'starting' } | { kind: 'waiting'; started: SsoSignInStarted } | { kind: 'picking' } | { kind: 'failed'; message: string };

export function SsoSignInDialog({ profile, signIn, initial, choose = true }: SsoSignInArgs) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(signIn ? { kind: 'starting' } : { kind: 'picking' });
  const [accounts, setAccounts] = useState<SsoAccount[] | null>(null);
  const [roles, setRoles] = useState<SsoRole[] | null>(null);
  const [accountId, setAccountId] = useState(initial?.accountId ?? '');
  const [roleName, setRoleName] = useState(initial?.roleName ?? '');
  // What the last accounts, roles or open-the-page request answered when it failed.
  const [requestError, setRequestError] = useState<string | null>(null);
  const signInId = useRef<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  // Bumped by "Try again" after a refused or expired sign-in: starts a new one.
  const [attempt, setAttempt] = useState(0);

  // Start once, then wait for the approval in the browser.
  useEffect(() => {
    if (!signIn) return;
    let live = true;
    void (async () => {
      try {
        const started = await unwrap(api().sso.start({ profile }));
        signInId.current = started.signInId;
        if (!live) return void api().sso.cancel({ signInId: started.signInId });
        setStep({ kind: 'waiting', started });
        await unwrap(api().sso.finish({ signInId: started.signInId }));
        signInId.current = null;
        if (!live) return;
        if (choose) setStep({ kind: 'picking' });
        else ssoSignInDialog.answer({ accountId: initial?.accountId ?? '', roleName: initial?.roleName ?? '' });
      } catch (error) {
        if (live && !isCancelled(error)) setStep({ kind: 'failed', message: errorMessage(error) });
      }
    })();
    return () => {
      live = false;
      if (signInId.current) void api().sso.cancel({ signInId: signInId.current });
    };
    // The arguments of one open dialog do not change; `attempt` starts it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile, signIn, attempt]);

  // The code arrives after the dialog opened: Enter or Space then opens the page.
  useEffect(() => {
    if (step.kind === 'waiting') openButton.current?.focus();
  }, [step.kind]);

  useEffect(() => {
    if (step.kind !== 'picking') return;
    return askLive(api().sso.accounts({ profile }), setRequestError, (list) => {
      setAccounts(list);
      setAccountId((chosen) => (list.some((a) => a.accountId === chosen) ? chosen : (list[0]?.accountId ?? '')));
    });
  }, [step.kind, profile]);

  // Only the roles of the account shown now count: an answer for one picked before is dropped.
  useEffect(() => {
    if (!accountId || step.kind !== 'picking') return;
    setRoles(null);
    return askLive(api().sso.roles({ profile, accountId }), setRequestError, (list) => {
      setRoles(list);
      setRoleName((chosen) => (list.some((r) => r.roleName === chosen) ? chosen : (list[0]?.roleName ?? '')));
    });
  }, [accountId, step.kind, profile]);

  const openPage = (id: string) => {
    setRequestError(null);
    unwrap(api().sso.openPage({ signInId: id })).catch((error: unknown) => setRequestError(errorMessage(error)));
  };

  const picking = step.kind === 'picking';
  const ready = picking && !!accountId && !!roleName && roles !== null;
  return (
    <FormDialog
      title={t('connections:sso.title', { profile })}
      className="sso-dialog"
      icon={<KeyIcon size={20} />}
      onCancel={() => ssoSignInDialog.answer(null)}
      onSubmit={() => {
        if (step.kind === 'failed') {
          setStep({ kind: 'starting' });
          setAttempt((n) => n + 1);
        } else if (ready) ssoSignInDialog.answer({ accountId, roleName });
      }}
      // Nothing to submit while waiting; after a failure, a new sign-in.
      submitLabel={picking ? t('connections:sso.use') : step.kind === 'failed' ? t('connections:sso.tryAgain') : undefined}
      submitDisabled={picking && !ready}
      error={step.kind === 'failed' ? step.message : requestError}
      footerStart={
        step.kind === 'starting' || step.kind === 'waiting' ? (
          <span className="busy-note" role="status">
            <span className="spinner" aria-hidden="true" /> {step.kind === 'starting' ? t('connections:sso.starting') : t('connections:sso.waiting')}
          </span>
        ) : undefined
      }
    >
      {step.kind === 'waiting' ? (
        <div className="sso-code">
          <p className="muted form-intro">{t('connections:sso.confirmCode')}</p>
          <div className="sso-user-code mono" data-user-text aria-label={t('connections:sso.codeLabel')}>
            {step.started.userCode}
          </div>
          <button ref={openButton} type="button" className="btn btn-primary" onClick={() => openPage(step.started.signInId)}>
            <OpenIcon /> {t('connections:sso.openPage')}
          </button>
          <p className="muted sso-page">
            {t('connections:sso.orVisit')} <span className="mono" data-user-text>{step.started.verificationUri}</span>
          </p>
        </div>
      ) : null}
      {picking ? (
        <>
          <p className="muted form-intro">{signIn ? t('connections:sso.signedIn') : t('connections:sso.choose')}</p>
          {accounts === null ? (
            <span className="busy-note">
              <span className="spinner" aria-hidden="true" /> {t('connections:sso.loadingAccounts')}
            </span>
          ) : accounts.length === 0 ? (
            <p className="muted">{t('connections:sso.noAccounts')}</p>
          ) : (
            <>
              <SelectField
                label={t('connections:sso.account')}
                value={accountId}
                options={accounts.map((a) => ({ value: a.accountId, label: `${a.accountName} (${a.accountId})` }))}
                onChange={setAccountId}
              />
              <SelectField
                label={t('connections:sso.role')}
                value={roleName}
                options={(roles ?? []).map((r) => ({ value: r.roleName, label: r.roleName }))}
                onChange={setRoleName}
              />
            </>
          )}
        </>
      ) : null}
    </FormDialog>
  );
}
