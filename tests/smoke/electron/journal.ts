/** What main asked of the stand-in Electron, in order, and whether the app was ready then. */
export interface JournalEntry {
  what: string;
  ready: boolean;
  detail?: unknown;
}

export class Journal {
  readonly entries: JournalEntry[] = [];

  constructor(private readonly isReady: () => boolean) {}

  note(what: string, detail?: unknown): void {
    this.entries.push({ what, ready: this.isReady(), detail });
  }

  all(what: string): JournalEntry[] {
    return this.entries.filter((e) => e.what === what);
  }

  first(what: string): JournalEntry | undefined {
    return this.entries.find((e) => e.what === what);
  }
}

/** An Electron event object: handlers may call preventDefault. */
export function electronEvent<T extends object>(extra?: T): { defaultPrevented: boolean; preventDefault(): void } & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...(extra ?? ({} as T)),
  };
  return event;
}
