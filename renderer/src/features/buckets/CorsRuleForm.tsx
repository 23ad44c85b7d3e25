/** The fields of one CORS rule: which sites, which methods and headers, and how long browsers may cache the answer. */
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
  return (
    <div className="form rule-form">
      <LinesField
        label="Allowed origins"
        value={draft.origins}
        onChange={(origins) => onChange({ origins })}
        error={problems.origins}
        placeholder="https://app.example.com"
        hint="One a line: https://app.example.com, https://*.example.com, or * for any site."
      />
      <FormRow label="Methods" error={problems.methods}>
        <div className="rule-methods" role="group" aria-label="Allowed methods">
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
        label="Allowed headers"
        value={draft.allowedHeaders}
        onChange={(allowedHeaders) => onChange({ allowedHeaders })}
        error={problems.allowedHeaders}
        placeholder="*"
        hint="Request headers the pages may send, one a line; * allows any."
      />
      <LinesField
        label="Exposed headers"
        value={draft.exposeHeaders}
        onChange={(exposeHeaders) => onChange({ exposeHeaders })}
        error={problems.exposeHeaders}
        placeholder="ETag"
        hint="Answer headers the pages' scripts may read, such as ETag."
      />
      <NumberField
        label="Cache preflight for"
        unit="seconds"
        placeholder="not set"
        value={draft.maxAgeSeconds}
        error={problems.maxAgeSeconds}
        onChange={(maxAgeSeconds) => onChange({ maxAgeSeconds })}
      />
    </div>
  );
}
