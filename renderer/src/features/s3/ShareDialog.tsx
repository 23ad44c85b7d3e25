/** Share an S3 object: a presigned GET URL (up to 7 days) and the plain URL, copied to the clipboard. */
import { useEffect, useState } from 'react';
import type { ShareLink } from '../../../../shared/s3Objects.js';
import { copyText } from '../../api/clipboard.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { SelectField } from '../../components/dialogs/Field.js';
import { Modal, ModalFooter } from '../../components/dialogs/Modal.js';
import { CopyIcon } from '../../components/icons.js';
import { formatDateLong } from '../../lib/format.js';
import { showInfo } from '../../state/toasts.js';
import { actionDialog } from '../browser/dialogs.js';
import { FormError } from '../../components/dialogs/FormError.js';

const expiries = [
  { value: '900', label: '15 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '43200', label: '12 hours' },
  { value: '86400', label: '1 day' },
  { value: '259200', label: '3 days' },
  { value: '604800', label: '7 days (the most SigV4 allows)' },
];

function copy(text: string, what: string) {
  void copyText(text).then(
    () => showInfo(`${what} copied to the clipboard.`),
    (caught: unknown) => showInfo(toApiError(caught).message),
  );
}

export function ShareDialog({ connectionId, path }: { connectionId: string; path: string }) {
  const close = actionDialog.close;
  const [seconds, setSeconds] = useState('3600');
  const [link, setLink] = useState<ShareLink | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setLink(null);
    unwrap(api().s3.share({ connectionId, path, expiresInSeconds: Number(seconds) })).then(setLink, (caught) =>
      setError(toApiError(caught).message),
    );
  }, [connectionId, path, seconds]);

  return (
    <Modal title="Share link" onCancel={close} className="share-dialog">
      <div className="modal-body form">
        <p className="muted form-intro">
          Anyone with the presigned link can download <span className="mono">{path.slice(path.lastIndexOf('/', path.length - 2) + 1)}</span> until it expires.
        </p>
        <SelectField label="Expires after" value={seconds} options={expiries} onChange={setSeconds} />
        <label className="prop-field">
          <span>Presigned URL</span>
          <textarea className="input mono share-url" readOnly rows={4} value={link?.presignedUrl ?? ''} aria-label="Presigned URL" />
        </label>
        {link ? <p className="muted prop-note">Valid until {formatDateLong(link.expiresAt)} (or until the credentials that signed it expire).</p> : null}
        <label className="prop-field">
          <span>Plain URL</span>
          <input className="input mono" readOnly value={link?.plainUrl ?? ''} aria-label="Plain URL" />
        </label>
        <p className="muted prop-note">The plain URL works only for objects that are public.</p>
        <FormError message={error} />
        <ModalFooter
          start={
            <button type="button" className="btn" disabled={!link} onClick={() => link && copy(link.plainUrl, 'Plain URL')}>
              Copy plain URL
            </button>
          }
        >
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
          <button type="button" className="btn btn-primary" disabled={!link} onClick={() => link && copy(link.presignedUrl, 'Presigned link')}>
            <CopyIcon size={14} /> Copy link
          </button>
        </ModalFooter>
      </div>
    </Modal>
  );
}
