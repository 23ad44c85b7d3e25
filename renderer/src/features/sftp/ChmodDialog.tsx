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

export function ChmodDialog({ connectionId, entry }: { connectionId: string; entry: FileEntry }) {
  const close = chmodDialog.close;
  const [mode, setMode] = useState(entry.permissions ?? 0o644);
  const [octal, setOctal] = useState(toOctal(entry.permissions ?? 0o644));
  const [recursive, setRecursive] = useState(false);
  const { busy, setBusy, error, run } = useSubmit();
  const [report, setReport] = useState<ChmodReport | null>(null);
  const folder = entry.kind === 'folder';
  const octalProblem = parseOctal(octal) === undefined ? 'Three or four octal digits, like 755 or 0644' : undefined;

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
        showInfo(result.changed > 1 ? `Permissions changed on ${result.changed} items.` : `Permissions of ${entry.name} changed.`);
        close();
      } else {
        setReport(result);
        setBusy(false);
      }
    });
  };

  return (
    <FormDialog
      title="Permissions"
      onCancel={close}
      className="small-dialog chmod-dialog"
      onSubmit={() => void apply()}
      error={error}
      cancelLabel={report ? 'Close' : 'Cancel'}
      submitLabel="Apply"
      submitDisabled={busy || Boolean(octalProblem)}
    >
      <p className="chmod-target">
        <span className="mono">{entry.name}</span>
        <span className="muted mono">{formatPermissions({ kind: entry.kind, permissions: mode })}</span>
      </p>
      <table className="chmod-grid">
        <thead>
          <tr>
            <th scope="col" />
            {WHAT.map((what) => (
              <th key={what} scope="col">
                {what}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WHO.map((who, w) => (
            <tr key={who}>
              <th scope="row">{who}</th>
              {WHAT.map((what, a) => {
                const bit = bitFor(w, a);
                return (
                  <td key={what}>
                    <input
                      type="checkbox"
                      aria-label={`${who} ${what.toLowerCase()}`}
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
      <TextField label="Octal" value={octal} onChange={typeOctal} error={octalProblem} mono autoFocus />
      {folder ? (
        <CheckField
          label="Apply to everything inside too"
          checked={recursive}
          onChange={setRecursive}
          hint="Files and folders inside get the same permissions; links are left alone."
        />
      ) : null}
      {report ? (
        <div className="alert warning form-notice" role="alert">
          <WarningIcon />
          <div>
            Changed {report.changed}; {report.failed.length} could not be changed:
            <ul className="chmod-failures">
              {report.failed.slice(0, 5).map((f) => (
                <li key={f.path}>{f.message}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </FormDialog>
  );
}
