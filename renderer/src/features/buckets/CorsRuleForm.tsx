/** The fields of one CORS rule: which sites, which methods and headers, and how long browsers may cache the answer. */
import { useTranslation } from 'react-i18next';
import { FormRow } from '../../components/dialogs/Field.js';
import { corsMethods, type CorsDraft, type CorsProblems } from './corsDraft.js';
import { LinesField } from './LinesField.js';
import { NumberField } from './NumberField.js';

interface Props {
  draft: CorsDraft;
  problems: CorsProblems;
  onChange(patch: Partial<CorsDraft>): void;
}

export function CorsRuleForm({ draft, problems, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form rule-form">
      <LinesField
        label={t('buckets:cors.form.origins')}
        value={draft.origins}
        onChange={(origins) => onChange({ origins })}
        error={problems.origins}
        placeholder={t('buckets:placeholder.origin')}
        hint={t('buckets:cors.form.originsHint')}
      />
      <FormRow label={t('buckets:cors.form.methods')} error={problems.methods}>
        <div className="rule-methods" role="group" aria-label={t('buckets:cors.form.allowedMethods')}>
          {corsMethods.map((m) => (
            <label key={m}>
              <input
                type="checkbox"
                checked={draft.methods.includes(m)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  onChange({ methods: on ? [...draft.methods, m] : draft.methods.filter((x) => x !== m) });
                }}
              />
              {m}
            </label>
          ))}
        </div>
      </FormRow>
      <LinesField
        label={t('buckets:cors.form.allowedHeaders')}
        value={draft.allowedHeaders}
        onChange={(allowedHeaders) => onChange({ allowedHeaders })}
        error={problems.allowedHeaders}
        placeholder="*"
        hint={t('buckets:cors.form.allowedHeadersHint')}
      />
      <LinesField
        label={t('buckets:cors.form.exposeHeaders')}
        value={draft.exposeHeaders}
        onChange={(exposeHeaders) => onChange({ exposeHeaders })}
        error={problems.exposeHeaders}
        placeholder="ETag"
        hint={t('buckets:cors.form.exposeHeadersHint')}
      />
      <NumberField
        label={t('buckets:cors.form.maxAge')}
        unit={t('buckets:cors.form.seconds')}
        placeholder={t('buckets:cors.form.notSet')}
        value={draft.maxAgeSeconds}
        error={problems.maxAgeSeconds}
        onChange={(maxAgeSeconds) => onChange({ maxAgeSeconds })}
      />
    </div>
  );
}
