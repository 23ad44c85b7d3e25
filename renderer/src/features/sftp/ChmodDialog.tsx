/** Permissions…: octal and checkboxes kept in step, and for folders a recursive option. */
import { useState } from 'react';
import type { ChmodReport } from '../../../../shared/contract/sftp.js';
import type { FileEntry } from '../../../../shared/files.js';
import { api, unwrap } from '../../api/client.js';
import { CheckField, TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { WarningIcon } from '../../components/icons.js';
import { refresh } from '../browser/navigation.js';
import { showInfo } from '../../state/toasts.js';
import { chmodDialog } from './dialogs.js';
import { bitFor, formatPermissions, parseOctal, toOctal, WHAT, WHO } from './permissions.js';
import './sftp.css';
import { useTranslation } from 'react-i18next';
import { t } from '../../i18n/i18n.js';
import { errorText } from '../../i18n/errorText.js';

const whoLabel = (who: (typeof WHO)[number]) => (who === 'owner' ? t('sftp:chmod.owner') : who === 'group' ? t('sftp:chmod.group') : t('sftp:chmod.others'));
const whatLabel = (what: (typeof WHAT)[number]) => (what === 'read' ? t('sftp:chmod.read') : what === 'write' ? t('sftp:chmod.write') : t('sftp:chmod.execute'));

export function ChmodDialog({ connectionId, entry }: { connectionId: string; entry: FileEntry }) {
  useTranslation();
  const close = chmodDialog.close;
  const [mode, setMode] = useState(entry.permissions ?? 0o644);
  const [octal, setOctal] = useState(toOctal(entry.permissions ?? 0o644));
  const [recursive, setRecursive] = useState(false);
  const { busy, setBusy, error, run } = useSubmit();
  const [report, setReport] = useState<ChmodReport | null>(null);
  const folder = entry.kind === 'folder';
  const octalProblem = parseOctal(octal) === undefined ? t('sftp:chmod.octalProblem') : undefined;

  const setBits = (next: number) => {
    setMode(next);
    setOctal(toOctal(next));
  };
  const typeOctal = (text: string) => {
    setOctal(text);
    const parsed = parseOctal(text);
    if (parsed !== undefined) setMode(parsed);
  };

  const apply = async () => {
    if (octalProblem) return;
    await run(async () => {
      const result = await unwrap(api().sftp.chmod({ connectionId, path: entry.path, mode, recursive: folder && recursive }));
      refresh(connectionId);
      if (result.failed.length === 0) {
        showInfo(result.changed > 1 ? t('sftp:chmod.changedMany', { count: result.changed }) : t('sftp:chmod.changedOne', { name: entry.name }));
        close();
      } else {
        setReport(result);
        setBusy(false);
      }
    });
  };

  return (
    <FormDialog
      title={t('sftp:chmod.title')}
      onCancel={close}
      className="small-dialog chmod-dialog"
      onSubmit={() => void apply()}
      error={error}
      cancelLabel={report ? t('sftp:chmod.close') : t('sftp:chmod.cancel')}
      submitLabel={t('sftp:chmod.apply')}
      submitDisabled={busy || Boolean(octalProblem)}
    >
      <p className="chmod-target">
        <span className="mono" data-user-text>{entry.name}</span>
        <span className="muted mono" data-user-text>{formatPermissions({ kind: entry.kind, permissions: mode })}</span>
      </p>
      <table className="chmod-grid">
        <thead>
          <tr>
            <th scope="col" />
            {WHAT.map((what) => (
              <th key={what} scope="col">
                {whatLabel(what)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WHO.map((who, w) => (
            <tr key={who}>
              <th scope="row">{whoLabel(who)}</th>
              {WHAT.map((what, a) => {
                const bit = bitFor(w, a);
                return (
                  <td key={what}>
                    <input
                      type="checkbox"
                      aria-label={t('sftp:chmod.bit', { who: whoLabel(who), what: whatLabel(what).toLocaleLowerCase() })}
                      checked={(mode & bit) !== 0}
                      onChange={(event) => setBits(event.currentTarget.checked ? mode | bit : mode & ~bit)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <TextField label={t('sftp:chmod.octal')} value={octal} onChange={typeOctal} error={octalProblem} mono autoFocus />
      {folder ? (
        <CheckField
          label={t('sftp:chmod.recursive')}
          checked={recursive}
          onChange={setRecursive}
          hint={t('sftp:chmod.recursiveHint')}
        />
      ) : null}
      {report ? (
        <div className="alert warning form-notice" role="alert">
          <WarningIcon />
          <div>
            {t('sftp:chmod.report', { changed: report.changed, count: report.failed.length })}
            <ul className="chmod-failures">
              {report.failed.slice(0, 5).map((f) => (
                <li key={f.path}>{errorText({ kind: 'internal', ...f })}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </FormDialog>
  );
}
