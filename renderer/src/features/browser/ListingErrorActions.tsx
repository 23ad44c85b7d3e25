/** What a listing error offers: open a bucket by name, or re-enter expired credentials. */
import { connectionById } from '../connections/connectionStore.js';
import type { Tab } from './browserStore.js';
import { reenterCredentials } from './reauth.js';
import { showActionDialog } from './dialogs.js';
import { useTranslation } from 'react-i18next';

export function ListingErrorActions({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const error = tab.error;
  if (!error) return null;
  const s3 = tab.protocol === 's3';
  if (s3 && tab.path === '/' && error.kind === 'permission') {
    return (
      <button type="button" className="btn btn-primary" onClick={() => showActionDialog({ kind: 'openBucket', connectionId: tab.connectionId })}>
        {t('browser:state.openBucketByName')}
      </button>
    );
  }
  if (error.kind === 'auth' && connectionById(tab.connectionId)) {
    return (
      <button type="button" className="btn btn-primary" onClick={() => void reenterCredentials(tab.connectionId)}>
        {t('browser:state.newCredentials')}
      </button>
    );
  }
  return null;
}
