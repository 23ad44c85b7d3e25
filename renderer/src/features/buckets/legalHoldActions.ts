/** "Turn legal hold on/off" for the selected S3 objects, from the file menu. */
import { api, unwrap } from '../../api/client.js';
import { t } from '../../i18n/i18n.js';
import { showFailure, showInfo } from '../../state/toasts.js';

/** Sets the legal hold of each object in turn; stops at the first refusal and says which object it was. */
export async function setLegalHolds(connectionId: string, paths: string[], on: boolean): Promise<boolean> {
  for (const path of paths) {
    try {
      await unwrap(api().buckets.setLegalHold({ connectionId, path, on }));
    } catch (caught) {
      const name = path.split('/').pop() ?? path;
      showFailure(caught, on ? t('buckets:legalHold.onFailed', { name }) : t('buckets:legalHold.offFailed', { name }));
      return false;
    }
  }
  showInfo(on ? t('buckets:legalHold.turnedOn', { count: paths.length }) : t('buckets:legalHold.turnedOff', { count: paths.length }));
  return true;
}
