/** A remote name with its hidden bidi and zero-width characters shown as markers (see shared/hiddenControls.ts). */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { hiddenControlMarker, splitHiddenControls } from '../../../shared/hiddenControls.js';

export function VisibleName({ text }: { text: string }) {
  const { t } = useTranslation();
  const pieces = splitHiddenControls(text);
  if (pieces.length === 1 && 'text' in pieces[0]!) return <>{text}</>;
  return (
    <>
      {pieces.map((piece, i) =>
        'text' in piece ? (
          <Fragment key={i}>{piece.text}</Fragment>
        ) : (
          <span key={i} className="hidden-char" title={t('app:hiddenControl', { code: piece.hidden.code, name: piece.hidden.name, marker: hiddenControlMarker(piece.hidden) })}>
            {hiddenControlMarker(piece.hidden)}
          </span>
        ),
      )}
    </>
  );
}
