/** Mounts the file-action and S3 dialogs (copy/move, properties, share, open bucket, MFA). */
import { MfaDialog } from '../s3/MfaDialog.js';
import { mfaDialog } from '../s3/dialogs.js';
import { OpenBucketDialog } from '../s3/OpenBucketDialog.js';
import { PropertiesDialog } from '../s3/PropertiesDialog.js';
import { ShareDialog } from '../s3/ShareDialog.js';
import '../s3/s3.css';
import './browser.css';
import { actionDialog } from './dialogs.js';
import { CopyMoveDialog } from './CopyMoveDialog.js';
import { OperationProgressDialog } from './OperationProgress.js';

export function ActionDialogs() {
  const open = actionDialog.use();
  const mfa = mfaDialog.use();
  let dialog = null;
  if (open?.kind === 'copyMove') dialog = <CopyMoveDialog connectionId={open.connectionId} entries={open.entries} mode={open.mode} />;
  else if (open?.kind === 'properties') dialog = <PropertiesDialog key={open.path} connectionId={open.connectionId} path={open.path} />;
  else if (open?.kind === 'share') dialog = <ShareDialog key={open.path} connectionId={open.connectionId} path={open.path} />;
  else if (open?.kind === 'openBucket') dialog = <OpenBucketDialog connectionId={open.connectionId} />;
  else if (open?.kind === 'progress') dialog = <OperationProgressDialog key={open.operationId} operationId={open.operationId} title={open.title} />;
  return (
    <>
      {dialog}
      {mfa ? <MfaDialog key={mfa.mfaSerial + mfa.profile} question={mfa} /> : null}
    </>
  );
}
