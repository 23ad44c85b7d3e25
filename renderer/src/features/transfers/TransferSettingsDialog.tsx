/** Transfer settings: concurrency, multipart sizes, bandwidth limits, conflicts, per-connection storage class. */
import './transfers.css';
import { useEffect, useState } from 'react';
import type { ConflictPolicy } from '../../../../shared/transfers.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { CheckField, SelectField, TextField } from '../../components/dialogs/Field.js';
import { FormDialog } from '../../components/dialogs/FormDialog.js';
import { useSubmit } from '../../components/dialogs/useSubmit.js';
import { showInfo } from '../../state/toasts.js';
import { fromForm, rateUnits, toForm, type FormErrors, type RateUnit, type SettingsForm } from './settingsForm.js';
import { transferDialog } from './dialogs.js';

const policies: { value: ConflictPolicy; label: string }[] = [
  { value: 'ask', label: 'Ask every time' },
  { value: 'overwrite', label: 'Replace' },
  { value: 'skip', label: 'Skip' },
  { value: 'rename', label: 'Keep both (rename)' },
  { value: 'resume', label: 'Resume if partial' },
  { value: 'newer', label: 'Replace if newer' },
];

function UnitSelect({ label, value, onChange }: { label: string; value: RateUnit; onChange(unit: RateUnit): void }) {
  return (
    <select className="select rate-unit" aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value as RateUnit)}>
      {(Object.keys(rateUnits) as RateUnit[]).map((u) => (
        <option key={u} value={u}>
          {u}/s
        </option>
      ))}
    </select>
  );
}

export function TransferSettingsDialog() {
  const close = transferDialog.close;
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const { busy, error: problem, setError: setProblem, run } = useSubmit();

  useEffect(() => {
    unwrap(api().transfers.getSettings({})).then(
      (settings) => setForm(toForm(settings)),
      (caught: unknown) => setProblem(toApiError(caught).message),
    );
  }, []);

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));

  const save = async () => {
    if (!form) return;
    const { changes, errors: found } = fromForm(form);
    setErrors(found);
    if (!changes) return;
    await run(async () => {
      await unwrap(api().transfers.setSettings({ changes }));
      showInfo('Transfer settings saved.');
      close();
    });
  };

  return (
    <FormDialog
      title="Transfer settings"
      className="transfer-settings"
      onCancel={close}
      onSubmit={() => void save()}
      error={problem}
      submitLabel="Save"
      submitDisabled={busy || !form}
    >
      {form ? (
        <>
          <div className="form-section">Speed</div>
          <TextField label="Files in parallel" inputMode="numeric" className="narrow" value={form.filesInParallel} onChange={(v) => set('filesInParallel', v)} error={errors.filesInParallel} autoFocus hint="Large files at once; small S3 files (one request each) run up to four times as many." />
          <TextField label="Parts per file" inputMode="numeric" className="narrow" value={form.partsInFlight} onChange={(v) => set('partsInFlight', v)} error={errors.partsInFlight} hint="S3 parts, or ranged reads of big downloads, in flight for each file." />
          <TextField label="Upload limit" inputMode="numeric" className="narrow" value={form.uploadLimit} onChange={(v) => set('uploadLimit', v)} error={errors.uploadLimit} after={<UnitSelect label="Upload limit unit" value={form.uploadUnit} onChange={(u) => set('uploadUnit', u)} />} hint="Across all uploads; 0 = unlimited." />
          <TextField label="Download limit" inputMode="numeric" className="narrow" value={form.downloadLimit} onChange={(v) => set('downloadLimit', v)} error={errors.downloadLimit} after={<UnitSelect label="Download limit unit" value={form.downloadUnit} onChange={(u) => set('downloadUnit', u)} />} hint="Across all downloads; 0 = unlimited." />
          <div className="form-section">S3 multipart</div>
          <TextField label="Multipart from" inputMode="numeric" className="narrow" value={form.multipartThresholdMiB} onChange={(v) => set('multipartThresholdMiB', v)} error={errors.multipartThresholdMiB} after={<span className="unit-text">MiB</span>} hint="Smaller files go in one request." />
          <TextField label="Part size" inputMode="numeric" className="narrow" value={form.partSizeMiB} onChange={(v) => set('partSizeMiB', v)} error={errors.partSizeMiB} after={<span className="unit-text">MiB</span>} hint="0 = automatic: 8 to 64 MiB, growing with the file. Raised when needed so a file fits in 10,000 parts." />
          <div className="form-section">Safety</div>
          <SelectField label="When a file exists" value={form.conflictPolicy} options={policies} onChange={(v) => set('conflictPolicy', v)} />
          <TextField label="Automatic retries" inputMode="numeric" className="narrow" value={form.retries} onChange={(v) => set('retries', v)} error={errors.retries} hint="On network errors, server errors and throttling, waiting longer each time." />
          <CheckField label="Verify checksums" checked={form.verifyChecksums} onChange={(v) => set('verifyChecksums', v)} />
          <CheckField label="Preserve permissions (SFTP)" checked={form.preservePermissions} onChange={(v) => set('preservePermissions', v)} hint="The copy gets the source file's mode, like cp -p." />
        </>
      ) : problem ? null : (
        <p className="muted">Loading…</p>
      )}
    </FormDialog>
  );
}
