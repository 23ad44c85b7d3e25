/** Asks the core for one file's preview and draws it: text, an image, audio, video or a PDF, or the sentence why not. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewAnswer } from '../../../../shared/contract/preview.js';
import { api, toApiError, unwrap } from '../../api/client.js';
import { TextPreview } from './TextPreview.js';

type State = { at: 'loading' } | { at: 'shown'; answer: PreviewAnswer } | { at: 'failed'; message: string } | { at: 'broken' };

export function PreviewBody({ connectionId, path }: { connectionId: string; path: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ at: 'loading' });

  useEffect(() => {
    let token: string | undefined;
    let gone = false;
    unwrap(api().preview.open({ connectionId, path })).then(
      (answer) => {
        if (answer.kind !== 'text') token = answer.token;
        if (gone) return void closeGrant(token);
        setState({ at: 'shown', answer });
      },
      (caught: unknown) => !gone && setState({ at: 'failed', message: toApiError(caught).message }),
    );
    return () => {
      gone = true;
      closeGrant(token);
    };
  }, [connectionId, path]);

  if (state.at === 'loading') {
    return (
      <div className="quick-look-note">
        <span className="spinner" aria-hidden="true" /> {t('preview:loading')}
      </div>
    );
  }
  if (state.at === 'failed' || state.at === 'broken') {
    return (
      <div className="quick-look-note" role="status">
        {state.at === 'failed' ? state.message : t('preview:cannotShow')}
      </div>
    );
  }
  const { answer } = state;
  const broken = () => setState({ at: 'broken' });
  switch (answer.kind) {
    case 'text':
      return <TextPreview answer={answer} />;
    case 'image':
      // An <img> never runs an SVG's scripts nor loads what it links to.
      return <img className="quick-look-image" src={answer.url} alt={t('preview:imageAlt')} onError={broken} />;
    case 'audio':
      return <audio className="quick-look-audio" src={answer.url} controls autoPlay={false} onError={broken} />;
    case 'video':
      return <video className="quick-look-video" src={answer.url} controls autoPlay={false} onError={broken} />;
    case 'pdf':
      return <iframe className="quick-look-pdf" src={answer.url} title={t('preview:pdfTitle')} />;
  }
}

function closeGrant(token: string | undefined): void {
  if (token) void api().preview.close({ token }).catch(() => undefined);
}
