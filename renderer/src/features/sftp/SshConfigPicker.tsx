/** "From ~/.ssh/config": fills the SFTP form from a Host block (shown only when there are some). */
import { useEffect, useId, useState } from 'react';
import type { SshConfigHost } from '../../../../shared/contract/sftp.js';
import { api, unwrap } from '../../api/client.js';
import type { FormValues } from '../connections/connectionForm.js';
import { useTranslation } from 'react-i18next';

interface Props {
  set<K extends keyof FormValues>(key: K, value: FormValues[K]): void;
  name: string;
}

export function SshConfigPicker({ set, name }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [hosts, setHosts] = useState<SshConfigHost[]>([]);
  useEffect(() => {
    let live = true;
    unwrap(api().sftp.readSshConfig({})).then(
      (found) => live && setHosts(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (hosts.length === 0) return null;

  const pick = (alias: string) => {
    const host = hosts.find((h) => h.alias === alias);
    if (!host) return;
    if (!name.trim()) set('name', host.alias);
    set('host', host.host);
    set('port', String(host.port));
    if (host.username) set('username', host.username);
    set('proxyJump', host.proxyJump ?? '');
    if (host.identityFile) {
      set('sftpAuth', 'key');
      set('keyPath', host.identityFile);
    }
  };

  return (
    <div className="form-row">
      <label className="form-label" htmlFor={id}>
        {t('sftp:sshConfig.label')}
      </label>
      <div className="form-control">
        <select id={id} className="select" value="" onChange={(event) => pick(event.currentTarget.value)}>
          <option value="">{t('sftp:sshConfig.choose')}</option>
          {hosts.map((h) => (
            <option key={h.alias} value={h.alias}>
              {h.alias} — {h.username ? `${h.username}@` : ''}
              {h.host}
              {h.port === 22 ? '' : `:${h.port}`}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
