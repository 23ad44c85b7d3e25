import type { CoreMessage } from '../../../shared/i18n/englishMessages.js';
import { i18n } from './i18n.js';

/** A sentence the core wrote (a transfer's note) in the user's language: its key's catalog message, else the English it came with. */
export function messageText(message: CoreMessage): string {
  return message.key && i18n.exists(message.key, message.params ?? {}) ? i18n.t(message.key, message.params ?? {}) : message.text;
}

/** Several notes, one after another. */
export function messagesText(messages: readonly CoreMessage[] | undefined): string {
  return (messages ?? []).map(messageText).join(' ');
}
