/** An editable list of name/value pairs (user metadata, tags). */
import { useTranslation } from 'react-i18next';
import { CloseIcon, PlusIcon } from '../../components/icons.js';

export interface Pair {
  name: string;
  value: string;
}

/** What the pairs are, each with its words (field names, add and remove buttons). */
export type PairsKind = 'metadata' | 'tag';

interface Props {
  kind: PairsKind;
  pairs: Pair[];
  onChange(pairs: Pair[]): void;
  max: number;
}

const words = {
  metadata: {
    group: 's3:pairs.metadata.group',
    name: 's3:pairs.metadata.name',
    value: 's3:pairs.metadata.value',
    remove: 's3:pairs.metadata.remove',
    add: 's3:pairs.metadata.add',
    placeholder: 's3:pairs.metadata.placeholder',
  },
  tag: {
    group: 's3:pairs.tag.group',
    name: 's3:pairs.tag.name',
    value: 's3:pairs.tag.value',
    remove: 's3:pairs.tag.remove',
    add: 's3:pairs.tag.add',
    placeholder: 's3:pairs.tag.placeholder',
  },
} as const;

export function PairsEditor({ kind, pairs, onChange, max }: Props) {
  const { t } = useTranslation();
  const w = words[kind];
  const set = (i: number, patch: Partial<Pair>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="pairs" role="group" aria-label={t(w.group)}>
      {pairs.map((pair, i) => (
        <div className="pairs-row" key={i}>
          <input className="input mono" aria-label={t(w.name, { n: i + 1 })} value={pair.name} placeholder={t(w.placeholder)} onChange={(e) => set(i, { name: e.currentTarget.value })} />
          <input className="input" aria-label={t(w.value, { n: i + 1 })} value={pair.value} placeholder={t('s3:pairs.valuePlaceholder')} onChange={(e) => set(i, { value: e.currentTarget.value })} />
          <button type="button" className="icon-btn" aria-label={t(w.remove, { name: pair.name || i + 1 })} onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
      {pairs.length < max ? (
        <button type="button" className="btn-link pairs-add" onClick={() => onChange([...pairs, { name: '', value: '' }])}>
          <PlusIcon size={12} /> {t(w.add)}
        </button>
      ) : null}
    </div>
  );
}

export const toPairs = (record: Record<string, string>): Pair[] => Object.entries(record).map(([name, value]) => ({ name, value }));
export const fromPairs = (pairs: Pair[]): Record<string, string> =>
  Object.fromEntries(pairs.filter((p) => p.name.trim()).map((p) => [p.name.trim(), p.value]));
