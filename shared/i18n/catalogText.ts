import type { MessageParams } from '../errors.js';

/**
 * A sentence the core or shared code builds for the window, as its catalog key and values:
 * the renderer shows it in the user's language (`t(text.key, text.params)`).
 */
export interface CatalogText {
  key: string;
  params?: MessageParams;
}
