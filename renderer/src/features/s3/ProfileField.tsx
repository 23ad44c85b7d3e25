/** The AWS profile field: suggestions from ~/.aws, and what the chosen profile needs. */
import { useEffect, useState } from 'react';
import type { AwsProfileInfo } from '../../../../shared/s3Objects.js';
import { api, unwrap } from '../../api/client.js';
import { TextField } from '../../components/dialogs/Field.js';
import { formatDateLong } from '../../lib/format.js';

const kindText: Record<AwsProfileInfo['kind'], string> = {
  static: 'Access keys from the credentials file.',
  assumeRole: 'Assumes a role',
  credentialProcess: 'Credentials from credential_process.',
  sso: 'IAM Identity Center (SSO).',
  webIdentity: 'Web identity role.',
  other: 'Profile without credentials of its own.',
};

function describe(p: AwsProfileInfo): string {
  if (p.problem) return p.problem;
  if (p.kind === 'assumeRole') return `${kindText.assumeRole} (${p.roleArn})${p.mfaSerial ? ': asks for an MFA code at connect.' : '.'}`;
  if (p.kind === 'sso' && p.ssoExpiresAt) return `${kindText.sso} Signed in until ${formatDateLong(p.ssoExpiresAt)}.`;
  return kindText[p.kind];
}

interface Props {
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
}

export function ProfileField({ value, onChange, error }: Props) {
  const [profiles, setProfiles] = useState<AwsProfileInfo[] | null>(null);
  useEffect(() => {
    unwrap(api().connections.awsProfiles({})).then(setProfiles, () => setProfiles([]));
  }, []);
  const chosen = profiles?.find((p) => p.name === value.trim());
  const hint = chosen
    ? describe(chosen)
    : profiles && profiles.length === 0
      ? 'No profiles found in ~/.aws/config or ~/.aws/credentials.'
      : 'A profile from ~/.aws/config or ~/.aws/credentials (SSO and role profiles work too).';
  return (
    <>
      <TextField label="Profile" value={value} onChange={onChange} error={error} placeholder="default" list="aws-profiles" hint={hint} />
      <datalist id="aws-profiles">
        {(profiles ?? []).map((p) => (
          <option key={p.name} value={p.name}>
            {p.region ? `${p.kind}, ${p.region}` : p.kind}
          </option>
        ))}
      </datalist>
    </>
  );
}
