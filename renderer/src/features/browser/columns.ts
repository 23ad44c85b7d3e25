/** The grid's columns: which exist for a protocol and how wide they start. */
import type { Protocol } from '../../../../shared/files.js';
import type { SortKey } from '../../lib/entries.js';

export interface Column {
  key: SortKey;
  label: string;
  align: 'start' | 'end';
}

const base: Column[] = [
  { key: 'name', label: 'Name', align: 'start' },
  { key: 'size', label: 'Size', align: 'end' },
  { key: 'modified', label: 'Modified', align: 'start' },
];

const s3: Column[] = [...base, { key: 'storageClass', label: 'Storage class', align: 'start' }];

const sftp: Column[] = [
  ...base,
  { key: 'permissions', label: 'Permissions', align: 'start' },
  { key: 'owner', label: 'Owner / group', align: 'start' },
];

export function columnsFor(protocol: Protocol): Column[] {
  return protocol === 's3' ? s3 : sftp;
}

export const ROW_HEIGHT = 26;
