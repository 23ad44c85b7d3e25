/** Shown when the page is opened outside Stowage (no preload, no bridge). */
import { useTranslation } from 'react-i18next';

export function MissingApi() {
  const { t } = useTranslation();
  return (
    <div className="fatal" role="alert">
      <h1>{t('app:missingApi.title')}</h1>
      <p>{t('app:missingApi.text')}</p>
    </div>
  );
}
