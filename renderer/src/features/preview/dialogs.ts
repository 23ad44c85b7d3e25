/** Quick Look: one file of a connection's list shown in an overlay; arrows move it along the list. */
import { dialogSlot } from '../../lib/dialogSlot.js';

export const quickLookDialog = dialogSlot<{ connectionId: string; path: string }>();
