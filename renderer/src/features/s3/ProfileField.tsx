/** The AWS profile field: suggestions from ~/.aws, and what the chosen profile needs. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwsProfileInfo } from '../../../../shared/s3Objects.js';
import { api, unwrap } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { t } from '../../i18n/i18n.js';
import { formatDateLong } from '../../lib/format.js';

const kindText: Record<Exclude<AwsProfileInfo['kind'], 'assumeRole'>, string> = {
  static: 's3:profile.kind.static',
  credentialProcess: 's3:profile.kind.credentialProcess',
  sso: 's3:profile.kind.sso',
  webIdentity: 's3:profile.kind.webIdentity',
  other: 's3:profile.kind.other',
};

function describe(p: AwsProfileInfo): string {
  if (p.problem) return p.problemCode ? t(p.problemCode, p.problemParams ?? {}) : p.problem;
  if (p.kind === 'assumeRole') return p.mfaSerial ? t('s3:profile.kind.assumeRoleMfa', { role: p.roleArn }) : t('s3:profile.kind.assumeRole', { role: p.roleArn });
  if (p.kind === 'sso' && p.ssoExpiresAt) return t('s3:profile.kind.ssoUntil', { date: formatDateLong(p.ssoExpiresAt) });
  return t(kindText[p.kind]);
}

interface Props {
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  /** What goes under an IAM Identity Center profile (its sign-in); `reload` reads the profiles again. */
  renderSso?(profile: AwsProfileInfo, reload: () => void): ReactNode;
}

export function ProfileField({ value, onChange, error, renderSso }: Props) {
  const { t } = useTranslation();
  const [profiles, setProfiles] = useState<AwsProfileInfo[] | null>(null);
  const reload = useCallback(() => {
    unwrap(api().connections.awsProfiles({})).then(setProfiles, () => setProfiles([]));
  }, []);
  useEffect(reload, [reload]);
  const chosen = profiles?.find((p) => p.name === value.trim());
  const hint = chosen
    ? describe(chosen)
    : profiles && profiles.length === 0
      ? t('s3:profile.none')
      : t('s3:profile.hint');
  return (
    <>
      <TextField label={t('s3:profile.label')} value={value} onChange={onChange} error={error} placeholder={t('s3:profile.placeholder')} list="aws-profiles" hint={hint} />
      <datalist id="aws-profiles">
        {(profiles ?? []).map((p) => (
          <option key={p.name} value={p.name}>
            {p.region ? `${p.kind}, ${p.region}` : p.kind}
          </option>
        ))}
      </datalist>
      {chosen?.kind === 'sso' && renderSso ? renderSso(chosen, reload) : null}
    </>
  );
}
