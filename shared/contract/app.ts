import { z } from 'zod';
import type { SecretStorageInfo } from '../connections.js';
import { languages, type LanguageSetting } from '../i18n/languages.js';
import { event, op } from './define.js';
import { nothing } from './fields.js';

export interface AppInfo {
  version: string;
  platform: string;
  secretStorage: SecretStorageInfo;
  /** The language setting, and the system's preferred languages (most preferred first; empty where the host cannot tell). */
  language: { setting: LanguageSetting; system: string[] };
}

export const appOperations = {
  'app:info': op<AppInfo>()(nothing),
  /** Saves the language setting ('system' follows the OS); the window switches at once. */
  'app:setLanguage': op<void>()(z.object({ setting: z.enum(['system', ...languages]) })),
  'dialog:chooseFolder': op<string | null>()(z.object({ title: z.string().max(200).optional() })),
  /** Puts text on the OS clipboard through main's clipboard module (windows get no clipboard permission). */
  'app:copyText': op<void>()(z.object({ text: z.string().max(1_000_000) })),
};

export const appEvents = {};
void event;
