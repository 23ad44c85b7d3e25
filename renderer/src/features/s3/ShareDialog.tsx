/** Share an S3 object: a presigned GET URL (up to 7 days) and the plain URL, copied to the clipboard. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ShareLink } from '../../../../shared/s3Objects.js';
import { copyText } from '../../api/clipboard.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { CopyIcon } from '../../components/icons.js';
import { formatDateLong } from '../../lib/format.js';
import { t as translate } from '../../i18n/i18n.js';
import { showInfo } from '../../state/toasts.js';
import { actionDialog } from '../browser/dialogs.js';
import { FormError } from '../../components/dialogs/FormError.js';

const expiries = [
  { value: '900', labelKey: 's3:share.expiry.minutes15' },
  { value: '3600', labelKey: 's3:share.expiry.hour1' },
  { value: '43200', labelKey: 's3:share.expiry.hours12' },
  { value: '86400', labelKey: 's3:share.expiry.day1' },
  { value: '259200', labelKey: 's3:share.expiry.days3' },
  { value: '604800', labelKey: 's3:share.expiry.days7' },
];

function copy(text: string, copiedKey: 's3:share.plainCopied' | 's3:share.linkCopied') {
  void copyText(text).then(
    () => showInfo(translate(copiedKey)),
    (caught: unknown) => showInfo(toApiError(caught).message),
  );
}

export function ShareDialog({ connectionId, path }: { connectionId: string; path: string }) {
  const { t } = useTranslation();
  const close = actionDialog.close;
  const [seconds, setSeconds] = useState('3600');
  const [link, setLink] = useState<ShareLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const urlRef = useRef<HTMLTextAreaElement>(null);
  // The whole presigned URL shows, however long its signature and token make it.
  useLayoutEffect(() => {
    const area = urlRef.current;
    if (!area) return;
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }, [link?.presignedUrl]);

  useEffect(() => {
    setLink(null);
    unwrap(api().s3.share({ connectionId, path, expiresInSeconds: Number(seconds) })).then(setLink, (caught) =>
      setError(toApiError(caught).message),
    );
  }, [connectionId, path, seconds]);

  return (
    <Modal title={t('s3:share.title')} onCancel={close} className="share-dialog">
      <div className="modal-body form">
        <p className="muted form-intro">
          <Trans
            i18nKey="s3:share.intro"
            values={{ name: path.slice(path.lastIndexOf('/', path.length - 2) + 1) }}
            components={{ 1: <span className="mono" data-user-text /> }}
          />
        </p>
        <label className="prop-field">
          <span>{t('s3:share.expiresAfter')}</span>
          <select className="select" value={seconds} onChange={(e) => setSeconds(e.currentTarget.value)}>
            {expiries.map((o) => (
              <option key={o.value} value={o.value}>
                {t(o.labelKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="prop-field top">
          <span>{t('s3:share.presignedUrl')}</span>
          <textarea ref={urlRef} className="input mono share-url" readOnly rows={3} value={link?.presignedUrl ?? ''} aria-label={t('s3:share.presignedUrl')} />
        </label>
        {link ? <p className="muted prop-note">{t('s3:share.validUntil', { date: formatDateLong(link.expiresAt) })}</p> : null}
        <label className="prop-field">
          <span>{t('s3:share.plainUrl')}</span>
          <input className="input mono" readOnly value={link?.plainUrl ?? ''} aria-label={t('s3:share.plainUrl')} />
        </label>
        <p className="muted prop-note">{t('s3:share.plainNote')}</p>
        <FormError message={error} />
        <ModalFooter
          start={
            <button type="button" className="btn" disabled={!link} onClick={() => link && copy(link.plainUrl, 's3:share.plainCopied')}>
              {t('s3:share.copyPlain')}
            </button>
          }
        >
          <button type="button" className="btn" onClick={close}>
            {t('s3:close')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!link} onClick={() => link && copy(link.presignedUrl, 's3:share.linkCopied')}>
            <CopyIcon size={14} /> {t('s3:share.copyLink')}
          </button>
        </ModalFooter>
      </div>
    </Modal>
  );
}
