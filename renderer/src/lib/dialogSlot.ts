/**
 * The one way the renderer says which dialog is open. Each dialog (or group of dialogs that
 * replace each other) is a slot: `open(args)` shows it and returns a promise of its answer,
 * `answer(value)` closes it with that answer, `close()` closes it with the dismissed answer.
 * Dialogs with nothing to answer simply ignore the promise. Opening a slot that is already open
 * dismisses the previous caller first, so no promise is ever left pending.
 */
import { create } from 'zustand';

interface SlotState<Args, Answer> {
  args: Args | null;
  resolve: ((answer: Answer) => void) | null;
}

export interface DialogSlot<Args, Answer> {
  /** React hook: the open dialog's arguments, or null when it is closed. */
  use(): Args | null;
  /** The open dialog's arguments outside React. */
  current(): Args | null;
  open(args: Args): Promise<Answer>;
  answer(value: Answer): void;
  close(): void;
}

export function dialogSlot<Args, Answer = void>(dismissed?: Answer): DialogSlot<Args, Answer> {
  const store = create<SlotState<Args, Answer>>()(() => ({ args: null, resolve: null }));
  const answer = (value: Answer) => {
    const { resolve } = store.getState();
    store.setState({ args: null, resolve: null });
    resolve?.(value);
  };
  return {
    use: () => store((s) => s.args),
    current: () => store.getState().args,
    open(args) {
      store.getState().resolve?.(dismissed as Answer);
      return new Promise<Answer>((resolve) => store.setState({ args, resolve }));
    },
    answer,
    close: () => answer(dismissed as Answer),
  };
}
