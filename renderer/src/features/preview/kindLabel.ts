/** "PNG image", "Imagen PNG": a file's type as Quick Look's facts name it, from its extension. */
import { fileCategory, type FileCategory } from '../../lib/entries.js';
import { t } from '../../i18n/i18n.js';

const kindKeys: Record<FileCategory, string> = {
  image: 'preview:kinds.image',
  video: 'preview:kinds.video',
  audio: 'preview:kinds.audio',
  archive: 'preview:kinds.archive',
  code: 'preview:kinds.code',
  text: 'preview:kinds.text',
  document: 'preview:kinds.document',
  other: 'preview:kinds.other',
};

export function kindLabel(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toUpperCase() : '';
  return ext ? t(kindKeys[fileCategory(name)], { ext }) : t('preview:kinds.file');
}
