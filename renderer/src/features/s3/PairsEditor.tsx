/** An editable list of name/value pairs (user metadata, tags). */
import { CloseIcon, PlusIcon } from '../../components/icons.js';

export interface Pair {
  name: string;
  value: string;
}

interface Props {
  label: string;
  pairs: Pair[];
  onChange(pairs: Pair[]): void;
  namePlaceholder: string;
  max: number;
}

export function PairsEditor({ label, pairs, onChange, namePlaceholder, max }: Props) {
  const set = (i: number, patch: Partial<Pair>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="pairs" role="group" aria-label={label}>
      {pairs.map((pair, i) => (
        <div className="pairs-row" key={i}>
          <input className="input mono" aria-label={`${label} name ${i + 1}`} value={pair.name} placeholder={namePlaceholder} onChange={(e) => set(i, { name: e.currentTarget.value })} />
          <input className="input" aria-label={`${label} value ${i + 1}`} value={pair.value} placeholder="value" onChange={(e) => set(i, { value: e.currentTarget.value })} />
          <button type="button" className="icon-btn" aria-label={`Remove ${label.toLowerCase()} ${pair.name || i + 1}`} onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
      {pairs.length < max ? (
        <button type="button" className="btn-link pairs-add" onClick={() => onChange([...pairs, { name: '', value: '' }])}>
          <PlusIcon size={12} /> Add {label.toLowerCase()}
        </button>
      ) : null}
    </div>
  );
}

export const toPairs = (record: Record<string, string>): Pair[] => Object.entries(record).map(([name, value]) => ({ name, value }));
export const fromPairs = (pairs: Pair[]): Record<string, string> =>
  Object.fromEntries(pairs.filter((p) => p.name.trim()).map((p) => [p.name.trim(), p.value]));
