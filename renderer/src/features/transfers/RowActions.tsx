/** A row's own buttons: pause or resume, retry, cancel, acting on the row's transfer or on a folder row's files. */
import { useTranslation } from 'react-i18next';
import type { TransferSnapshot } from '../../../../shared/transfers.js';
import { CloseIcon, PauseIcon, PlayIcon, RetryIcon } from '../../components/icons.js';
import { controlTransfers } from './transferActions.js';
import { pickedRetryTargets, targetsOf } from './transferCommands.js';

export function RowActions({ list }: { list: TransferSnapshot[] }) {
  const { t } = useTranslation();
  const pause = targetsOf('pause', list);
  const resume = targetsOf('resume', list);
  const retry = pickedRetryTargets(list);
  const cancel = targetsOf('cancel', list);
  return (
    <div className="transfer-actions">
      {pause.length > 0 ? (
        <button type="button" className="icon-btn small" aria-label={t('transfers:actions.pause')} title={t('transfers:actions.pause')} onClick={() => void controlTransfers('pause', pause)}>
          <PauseIcon size={14} />
        </button>
      ) : resume.length > 0 ? (
        <button type="button" className="icon-btn small" aria-label={t('transfers:actions.resume')} title={t('transfers:actions.resume')} onClick={() => void controlTransfers('resume', resume)}>
          <PlayIcon size={14} />
        </button>
      ) : null}
      {retry.length > 0 ? (
        <button type="button" className="icon-btn small" aria-label={t('transfers:actions.retry')} title={t('transfers:actions.retry')} onClick={() => void controlTransfers('retry', retry)}>
          <RetryIcon size={14} />
        </button>
      ) : null}
      {cancel.length > 0 ? (
        <button type="button" className="icon-btn small" aria-label={t('transfers:actions.cancel')} title={t('transfers:actions.cancel')} onClick={() => void controlTransfers('cancel', cancel)}>
          <CloseIcon size={14} />
        </button>
      ) : null}
    </div>
  );
}
