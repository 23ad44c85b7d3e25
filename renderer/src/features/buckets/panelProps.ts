import type { BucketSettings } from '../../../../shared/buckets.js';

export interface PanelProps {
  connectionId: string;
  bucket: string;
  settings: BucketSettings;
  reload(): Promise<void>;
}
