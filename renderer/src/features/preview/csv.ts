/**
 * Rows of CSV (RFC 4180: quoted fields may hold the separator, quotes doubled, and line
 * breaks) or TSV. A preview reads only a file's head, so when `truncated` the last row,
 * which the cut may have split, is dropped.
 */
export function parseDelimited(text: string, separator: ',' | '\t', truncated: boolean, maxRows: number): { rows: string[][]; more: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (i < text.length && rows.length <= maxRows) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
    i++;
  }
  const ended = i >= text.length;
  if (ended && (field !== '' || row.length > 0) && !truncated) endRow();
  const more = rows.length > maxRows || !ended || truncated;
  return { rows: rows.slice(0, maxRows), more };
}
