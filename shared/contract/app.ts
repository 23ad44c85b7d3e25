import { z } from 'zod';
import type { SecretStorageInfo } from '../connections.js';
import { event, op } from './define.js';
import { nothing } from './fields.js';

export interface AppInfo {
  version: string;
  platform: string;
  secretStorage: SecretStorageInfo;
}

export const appOperations = {
  'app:info': op<AppInfo>()(nothing),
  'dialog:chooseFolder': op<string | null>()(z.object({ title: z.string().max(200).optional() })),
  /** Puts text on the OS clipboard through main's clipboard module (windows get no clipboard permission). */
  'app:copyText': op<void>()(z.object({ text: z.string().max(1_000_000) })),
};

export const appEvents = {};
void event;
