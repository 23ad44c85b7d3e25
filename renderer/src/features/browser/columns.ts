/** The grid's columns: which exist for a protocol and how wide they start. */
import type { Protocol } from '../../../../shared/files.js';
import type { SortKey } from '../../lib/entries.js';

export interface Column {
  key: SortKey;
  /** Its header's catalog key. */
  label: string;
  align: 'start' | 'end';
}

const base: Column[] = [
  { key: 'name', label: 'browser:columns.name', align: 'start' },
  { key: 'size', label: 'browser:columns.size', align: 'end' },
  { key: 'modified', label: 'browser:columns.modified', align: 'start' },
];

const s3: Column[] = [...base, { key: 'storageClass', label: 'browser:columns.storageClass', align: 'start' }];

const sftp: Column[] = [
  ...base,
  { key: 'permissions', label: 'browser:columns.permissions', align: 'start' },
  { key: 'owner', label: 'browser:columns.owner', align: 'start' },
];

export function columnsFor(protocol: Protocol): Column[] {
  // This computer's disk: names, sizes and dates (its owners are the user).
  if (protocol === 'local') return base;
  return protocol === 's3' ? s3 : sftp;
}

export const ROW_HEIGHT = 26;
