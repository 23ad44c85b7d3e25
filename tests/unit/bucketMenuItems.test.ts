import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../shared/files.js';
import type { Tab } from '../../renderer/src/features/browser/browserStore.js';
import { bucketMenuItems } from '../../renderer/src/features/buckets/bucketMenuItems.js';
import { t } from '../../renderer/src/i18n/i18n.js';
import type { MenuEntry } from '../../renderer/src/components/ContextMenu.js';

const file = (bucket: string): FileEntry => ({ name: 'a.parquet', path: `/${bucket}/runs/a.parquet`, kind: 'file', size: 5 });
const tabIn = (bucket: string) => ({ connectionId: 'c', protocol: 's3', path: `/${bucket}/runs/` }) as Tab;
const labels = (bucket: string) =>
  bucketMenuItems('c', tabIn(bucket), file(bucket), [file(bucket)]).flatMap((item: MenuEntry) => (item === 'separator' ? [] : [item.label]));

describe("the file menu's bucket entries", () => {
  it('offer versions, storage class, access and legal hold in a general purpose bucket', () => {
    expect(labels('photos')).toEqual(expect.arrayContaining([t('buckets:menu.showVersions'), t('buckets:menu.changeClass'), t('buckets:menu.makePublic'), t('buckets:menu.legalHoldOn')]));
  });

  it('offer only the bucket settings in a directory bucket, where none of those exist', () => {
    expect(labels('fast-scratch--use1-az4--x-s3')).toEqual([t('buckets:menu.settings')]);
  });
});
