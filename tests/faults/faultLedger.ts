// The fault suite's ledger: one JSON line per fault case, appended as each case ends
// (pass or fail). `npm test` (tests/run.mjs) clears it before the fault stage, sums it
// afterwards into one line, {"faultCases":N,"corrupt":C,"lost":L,"orphanedUploads":O},
// and fails the run when any of C, L, O is not 0 or when N is 0.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FaultCase {
  /** Unique within the suite, e.g. "S3 upload: SIGKILL at the start". */
  name: string;
  /** Files whose content differs from the source while their transfer says "completed". */
  corrupt: number;
  /**
   * Files whose transfer vanished (missing after a restart) or ended neither completed nor
   * clearly failed within the case's time bound; a case that threw before it could tell
   * counts its files as lost.
   */
  lost: number;
  /** Incomplete uploads left on the server when the case ended (S3 multipart uploads; SFTP `.stowage-part` files). */
  orphanedUploads: number;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the cases are appended: $STOWAGE_FAULT_LEDGER, else tests/artifacts/reports/faults.jsonl. */
export function faultLedgerPath(): string {
  return resolve(repoRoot, process.env['STOWAGE_FAULT_LEDGER'] || 'tests/artifacts/reports/faults.jsonl');
}

/** Appends one case to the ledger (one short line per append, so parallel test files do not interleave). */
export function recordFaultCase(c: { name: string; corrupt: number; lost: number; orphanedUploads: number }): void {
  const path = faultLedgerPath();
  mkdirSync(dirname(path), { recursive: true });
  const line: FaultCase = { name: c.name, corrupt: c.corrupt, lost: c.lost, orphanedUploads: c.orphanedUploads };
  appendFileSync(path, `${JSON.stringify(line)}\n`);
}
