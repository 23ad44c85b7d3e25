/** The transfer settings as the dialog edits them (text fields, rate units) and back. */
import type { ConflictPolicy, TransferSettings } from '../../../../shared/transfers.js';
import { t } from '../../i18n/i18n.js';

/** Decimal, like every size and speed the app shows. */
export const rateUnits = { KB: 1000, MB: 1000 * 1000 } as const;
export type RateUnit = keyof typeof rateUnits;
const MiB = 1024 * 1024;

export interface SettingsForm {
  filesInParallel: string;
  partsInFlight: string;
  multipartThresholdMiB: string;
  /** Empty or 0 = automatic. */
  partSizeMiB: string;
  uploadLimit: string;
  uploadUnit: RateUnit;
  downloadLimit: string;
  downloadUnit: RateUnit;
  conflictPolicy: ConflictPolicy;
  retries: string;
  verifyChecksums: boolean;
  preservePermissions: boolean;
}

export type FormErrors = Partial<Record<keyof SettingsForm, string>>;

function rateToForm(bytesPerSecond: number): [string, RateUnit] {
  if (bytesPerSecond === 0) return ['0', 'MB'];
  if (bytesPerSecond % rateUnits.MB === 0) return [String(bytesPerSecond / rateUnits.MB), 'MB'];
  return [String(Math.round(bytesPerSecond / rateUnits.KB)), 'KB'];
}

export function toForm(s: TransferSettings): SettingsForm {
  const [uploadLimit, uploadUnit] = rateToForm(s.uploadLimit);
  const [downloadLimit, downloadUnit] = rateToForm(s.downloadLimit);
  return {
    filesInParallel: String(s.filesInParallel),
    partsInFlight: String(s.partsInFlight),
    multipartThresholdMiB: String(Math.round(s.multipartThreshold / MiB)),
    partSizeMiB: s.partSize ? String(Math.round(s.partSize / MiB)) : '0',
    uploadLimit,
    uploadUnit,
    downloadLimit,
    downloadUnit,
    conflictPolicy: s.conflictPolicy,
    retries: String(s.retries),
    verifyChecksums: s.verifyChecksums,
    preservePermissions: s.preservePermissions,
  };
}

/** A whole-number field's two sentences: not a whole number, out of range. */
interface WholeWords {
  whole: string;
  range: string;
}

const wholeWords = {
  filesInParallel: { whole: 'transfers:settings.errors.filesInParallelWhole', range: 'transfers:settings.errors.filesInParallelRange' },
  partsPerFile: { whole: 'transfers:settings.errors.partsPerFileWhole', range: 'transfers:settings.errors.partsPerFileRange' },
  threshold: { whole: 'transfers:settings.errors.thresholdWhole', range: 'transfers:settings.errors.thresholdRange' },
  partSize: { whole: 'transfers:settings.errors.partSizeWhole', range: 'transfers:settings.errors.partSizeRange' },
  retries: { whole: 'transfers:settings.errors.retriesWhole', range: 'transfers:settings.errors.retriesRange' },
} satisfies Record<string, WholeWords>;

function whole(text: string, min: number, max: number, words: WholeWords): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return t(words.whole);
  const n = Number(trimmed);
  if (n < min || n > max) return t(words.range, { min, max });
  return n;
}

/** `problem`: the field's sentence for something that is not a number. */
function decimal(text: string, problem: string): number | string {
  const trimmed = text.trim() === '' ? '0' : text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return t(problem);
  return Number(trimmed);
}

/** The changes to send, or the problems to show beside the fields. */
export function fromForm(f: SettingsForm): { changes: Partial<TransferSettings> | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const take = <K extends keyof SettingsForm>(key: K, value: number | string): number => {
    if (typeof value === 'string') {
      errors[key] = value;
      return 0;
    }
    return value;
  };
  const filesInParallel = take('filesInParallel', whole(f.filesInParallel, 1, 32, wholeWords.filesInParallel));
  const partsInFlight = take('partsInFlight', whole(f.partsInFlight, 1, 64, wholeWords.partsPerFile));
  const threshold = take('multipartThresholdMiB', whole(f.multipartThresholdMiB, 5, 5120, wholeWords.threshold));
  const partText = f.partSizeMiB.trim() === '' ? '0' : f.partSizeMiB;
  const partSize = partText.trim() === '0' ? 0 : take('partSizeMiB', whole(partText, 5, 5120, wholeWords.partSize));
  const up = take('uploadLimit', decimal(f.uploadLimit, 'transfers:settings.errors.uploadLimit'));
  const down = take('downloadLimit', decimal(f.downloadLimit, 'transfers:settings.errors.downloadLimit'));
  const retries = take('retries', whole(f.retries, 0, 20, wholeWords.retries));
  if (Object.keys(errors).length > 0) return { changes: null, errors };
  return {
    errors,
    changes: {
      filesInParallel,
      partsInFlight,
      multipartThreshold: threshold * MiB,
      partSize: partSize * MiB,
      uploadLimit: Math.round(up * rateUnits[f.uploadUnit]),
      downloadLimit: Math.round(down * rateUnits[f.downloadUnit]),
      conflictPolicy: f.conflictPolicy,
      retries,
      verifyChecksums: f.verifyChecksums,
      preservePermissions: f.preservePermissions,
    },
  };
}
