/** A text file's head: plain, with syntax colours, pretty-printed JSON, or CSV/TSV as a table. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewAnswer } from '../../../../shared/contract/preview.js';
import { formatBytes } from '../../lib/format.js';
import { previewTextBytes } from '../../../../shared/contract/preview.js';
import { parseDelimited } from './csv.js';
import { tokenize } from './highlight.js';

type TextAnswer = Extract<PreviewAnswer, { kind: 'text' }>;

/** Rows a table shows; the rest of the head stays unread by the eye anyway. */
const maxRows = 500;

function Code({ text, language }: { text: string; language: string | undefined }) {
  const tokens = useMemo(() => tokenize(text, language), [text, language]);
  return (
    <pre className="quick-look-text selectable" data-user-text data-language={language}>
      <code>{tokens.map((token, i) => (token.kind === 'plain' ? token.text : <span key={i} className={`tok-${token.kind}`}>{token.text}</span>))}</code>
    </pre>
  );
}

function Table({ text, separator, truncated }: { text: string; separator: ',' | '\t'; truncated: boolean }) {
  const { t } = useTranslation();
  const { rows, more } = useMemo(() => parseDelimited(text, separator, truncated, maxRows + 1), [text, separator, truncated]);
  const [head, ...body] = rows;
  return (
    <div className="quick-look-table-wrap">
      <table className="quick-look-table" data-user-text>
        {head ? (
          <thead>
            <tr>
              {head.map((cell, i) => (
                <th key={i}>{cell}</th>
              ))}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {more ? <p className="muted quick-look-more">{t('preview:firstRows', { count: body.length })}</p> : null}
    </div>
  );
}

/** JSON indented by two spaces; text that does not parse (cut off, or not JSON) is shown as it is, and says so. */
function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

export function TextPreview({ answer }: { answer: TextAnswer }) {
  const { t } = useTranslation();
  const pretty = useMemo(() => (answer.format === 'json' ? prettyJson(answer.text) : undefined), [answer]);
  let body: React.ReactNode;
  if (answer.format === 'csv' || answer.format === 'tsv') body = <Table text={answer.text} separator={answer.format === 'csv' ? ',' : '\t'} truncated={answer.truncated} />;
  else if (answer.format === 'json') body = <Code text={pretty ?? answer.text} language="json" />;
  else body = <Code text={answer.text} language={answer.format === 'code' ? answer.language : undefined} />;
  return (
    <div className="quick-look-textual">
      {answer.truncated ? <p className="quick-look-banner">{t('preview:truncated', { size: formatBytes(previewTextBytes) })}</p> : null}
      {answer.format === 'json' && !pretty && !answer.truncated ? <p className="quick-look-banner">{t('preview:notJson')}</p> : null}
      {body}
    </div>
  );
}
