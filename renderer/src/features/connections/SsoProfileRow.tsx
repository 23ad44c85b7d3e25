/**
 * Under an IAM Identity Center profile in the connection form: signing in from the form (no
 * `aws sso login` in a terminal needed), and the account and role the connection uses.
 */
import { useTranslation } from 'react-i18next';
import type { AwsProfileInfo } from '../../../../shared/s3Objects.js';
import { FormRow } from '../../components/dialogs/Field.js';
import { ssoSignInDialog, type SsoPick } from './dialogs.js';
import './ssoSignIn.css';

interface Props {
  profile: AwsProfileInfo;
  /** The connection's own pick; empty strings when it uses the profile's account and role. */
  pick: { accountId: string; roleName: string };
  onPick(pick: SsoPick): void;
  /** The sign-in changed the cache: read the profiles again. */
  onSignedIn(): void;
}

export function SsoProfileRow({ profile, pick, onPick, onSignedIn }: Props) {
  const { t } = useTranslation();
  const signedIn = !profile.problem;
  const accountId = pick.accountId || profile.ssoAccountId;
  const roleName = pick.roleName || profile.ssoRoleName;
  const initial = accountId && roleName ? { accountId, roleName } : undefined;

  const open = async (signIn: boolean) => {
    const answer = await ssoSignInDialog.open({ profile: profile.name, signIn, initial });
    if (signIn) onSignedIn();
    if (answer) onPick(answer);
  };

  return (
    <FormRow label={t('connections:sso.rowLabel')}>
      <div className="sso-row">
        <span className={accountId && roleName ? 'sso-row-pick' : 'sso-row-pick muted'}>
          {accountId && roleName ? (
            <>
              <span className="sso-row-role" data-user-text>
                {roleName}
              </span>
              <span className="sso-row-account mono muted" data-user-text>
                {accountId}
              </span>
            </>
          ) : (
            t('connections:sso.noPick')
          )}
        </span>
        <span className="sso-row-actions">
          {signedIn ? (
            <button type="button" className="btn" onClick={() => void open(false)}>
              {t('connections:sso.change')}
            </button>
          ) : null}
          <button type="button" className={signedIn ? 'btn' : 'btn btn-primary'} onClick={() => void open(true)}>
            {signedIn ? t('connections:sso.signInAgain') : t('connections:sso.signIn')}
          </button>
        </span>
      </div>
    </FormRow>
  );
}
