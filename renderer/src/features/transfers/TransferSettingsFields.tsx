/** The transfer settings' fields in the settings dialog: concurrency, multipart sizes, bandwidth limits, conflicts, checks. */
import './transfers.css';
import { useTranslation } from 'react-i18next';
import type { ConflictPolicy } from '../../../../shared/transfers.js';
import { CheckField, SelectField, TextField } from '../../components/dialogs/Field.js';
import { rateUnits, type FormErrors, type RateUnit, type SettingsForm } from './settingsForm.js';

/** Each policy's catalog key, in the order offered. */
const policyKeys: [ConflictPolicy, string][] = [
  ['ask', 'transfers:settings.policies.ask'],
  ['overwrite', 'transfers:settings.policies.overwrite'],
  ['skip', 'transfers:settings.policies.skip'],
  ['rename', 'transfers:settings.policies.rename'],
  ['resume', 'transfers:settings.policies.resume'],
  ['newer', 'transfers:settings.policies.newer'],
];

function UnitSelect({ label, value, onChange }: { label: string; value: RateUnit; onChange(unit: RateUnit): void }) {
  const { t } = useTranslation();
  return (
    <select className="select rate-unit" aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value as RateUnit)}>
      {(Object.keys(rateUnits) as RateUnit[]).map((u) => (
        <option key={u} value={u}>
          {t('transfers:settings.perSecond', { unit: u })}
        </option>
      ))}
    </select>
  );
}

interface Props {
  form: SettingsForm;
  errors: FormErrors;
  set<K extends keyof SettingsForm>(key: K, value: SettingsForm[K]): void;
}

export function TransferSettingsFields({ form, errors, set }: Props) {
  const { t } = useTranslation();
  const policies = policyKeys.map(([value, key]) => ({ value, label: t(key) }));
  return (
    <>
      <div className="form-section">{t('transfers:settings.speed')}</div>
      <TextField label={t('transfers:settings.filesInParallel')} inputMode="numeric" className="narrow" value={form.filesInParallel} onChange={(v) => set('filesInParallel', v)} error={errors.filesInParallel} hint={t('transfers:settings.filesInParallelHint')} />
      <TextField label={t('transfers:settings.partsPerFile')} inputMode="numeric" className="narrow" value={form.partsInFlight} onChange={(v) => set('partsInFlight', v)} error={errors.partsInFlight} hint={t('transfers:settings.partsPerFileHint')} />
      <TextField
        label={t('transfers:settings.uploadLimit')}
        inputMode="numeric"
        className="narrow"
        value={form.uploadLimit}
        onChange={(v) => set('uploadLimit', v)}
        error={errors.uploadLimit}
        after={<UnitSelect label={t('transfers:settings.uploadLimitUnit')} value={form.uploadUnit} onChange={(u) => set('uploadUnit', u)} />}
        hint={t('transfers:settings.uploadLimitHint')}
      />
      <TextField
        label={t('transfers:settings.downloadLimit')}
        inputMode="numeric"
        className="narrow"
        value={form.downloadLimit}
        onChange={(v) => set('downloadLimit', v)}
        error={errors.downloadLimit}
        after={<UnitSelect label={t('transfers:settings.downloadLimitUnit')} value={form.downloadUnit} onChange={(u) => set('downloadUnit', u)} />}
        hint={t('transfers:settings.downloadLimitHint')}
      />
      <div className="form-section">{t('transfers:settings.multipart')}</div>
      <TextField label={t('transfers:settings.multipartFrom')} inputMode="numeric" className="narrow" value={form.multipartThresholdMiB} onChange={(v) => set('multipartThresholdMiB', v)} error={errors.multipartThresholdMiB} after={<span className="unit-text">{t('transfers:settings.mib')}</span>} hint={t('transfers:settings.multipartFromHint')} />
      <TextField label={t('transfers:settings.partSize')} inputMode="numeric" className="narrow" value={form.partSizeMiB} onChange={(v) => set('partSizeMiB', v)} error={errors.partSizeMiB} after={<span className="unit-text">{t('transfers:settings.mib')}</span>} hint={t('transfers:settings.partSizeHint')} />
      <div className="form-section">{t('transfers:settings.safety')}</div>
      <SelectField label={t('transfers:settings.whenExists')} value={form.conflictPolicy} options={policies} onChange={(v) => set('conflictPolicy', v)} />
      <TextField label={t('transfers:settings.retries')} inputMode="numeric" className="narrow" value={form.retries} onChange={(v) => set('retries', v)} error={errors.retries} hint={t('transfers:settings.retriesHint')} />
      <CheckField label={t('transfers:settings.verifyChecksums')} checked={form.verifyChecksums} onChange={(v) => set('verifyChecksums', v)} />
      <CheckField label={t('transfers:settings.preservePermissions')} checked={form.preservePermissions} onChange={(v) => set('preservePermissions', v)} hint={t('transfers:settings.preservePermissionsHint')} />
    </>
  );
}
