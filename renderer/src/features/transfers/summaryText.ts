/** The strip header's words for what the list holds. */
import { t } from '../../i18n/i18n.js';
import type { TransferTotals } from './transferStore.js';

/** What the finished list holds, in counts: "All done" only when every transfer completed. */
export function finishedText(n: Pick<TransferTotals, 'count' | 'completed' | 'failed' | 'cancelled'>): string {
  if (n.completed === n.count) return t('transfers:summary.allDone');
  return [
    n.completed ? t('transfers:summary.done', { count: n.completed }) : '',
    n.failed ? t('transfers:summary.failed', { count: n.failed }) : '',
    n.cancelled ? t('transfers:summary.cancelled', { count: n.cancelled }) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Under way: what moves, what waits its turn (or an answer), and what the user paused. */
export function activeText(n: Pick<TransferTotals, 'active' | 'running' | 'paused'>): string {
  const waiting = n.active - n.running - n.paused;
  return [
    t('transfers:summary.running', { count: n.running }),
    waiting ? t('transfers:summary.waiting', { count: waiting }) : '',
    n.paused ? t('transfers:summary.paused', { count: n.paused }) : '',
  ]
    .filter(Boolean)
    .join(', ');
}
