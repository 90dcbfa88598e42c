import { error } from '../core/log.js';

/**
 * `<button data-razylyk-open>` anywhere on the page, now or added later, opens the preferences (loading
 * the UI first; once mounted, the UI handles these clicks itself and returns focus to the opener): one
 * listener on the document, so site owners need no script of their own. Shared by the script tag's
 * first stage and by connectUi: whichever runs first on a page registers it.
 */
interface Opener {
  openPreferences(): Promise<void>;
}

// Registry-wide symbols: every copy of razylyk on the page sees the same ones.
const LISTENING = Symbol.for('razylyk.open-listener');
const MOUNTED = Symbol.for('razylyk.ui-mounted');
const REPORTED = Symbol.for('razylyk.reported');
type Marked = { [LISTENING]?: true; [MOUNTED]?: true; [REPORTED]?: true };

// A symbol-keyed property: invisible to JSON, for…in and Object.keys.
const mark = (target: object, symbol: symbol) => ((target as Record<symbol, true>)[symbol] = true);

/** The UI is on the page for `instance`: it handles the openers from now on. */
export const markMounted = (instance: object): void => void mark(instance, MOUNTED);

/** A load failure the loader already reported: the opener says nothing more about it. */
export function markReported(err: unknown): void {
  // Object(): a thrown primitive gets a throwaway wrapper (and is simply reported again).
  mark(Object(err), REPORTED);
}

/** Registers the page's one listener; `current` is whoever opens the preferences at click time. */
export function listenForOpeners(current: () => Opener | undefined): void {
  const marked = document as Document & Marked;
  if (marked[LISTENING]) return;
  mark(marked, LISTENING);
  marked.addEventListener('click', (event) => {
    // composedPath: openers inside a component's shadow root count too.
    const opener = event
      .composedPath()
      .find((node) => (node as Partial<Element>).hasAttribute?.('data-razylyk-open'));
    const target = current() as (Opener & Marked) | undefined;
    if (!opener || !target || target[MOUNTED]) return;
    // A link used as the opener (<a href="#" data-razylyk-open>) must not navigate.
    event.preventDefault();
    target.openPreferences().catch((err: unknown) => {
      if (!(err as Marked | null)?.[REPORTED]) error('The preferences could not be opened.', err);
    });
  });
}
