/** The app's settings dialog, opened by the gear buttons. */
import { dialogSlot } from '../../lib/dialogSlot.js';

export const settingsDialog = dialogSlot<true>();
