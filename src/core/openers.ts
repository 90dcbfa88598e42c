import { error } from './log.js';
import { pageContract } from './page-contract.js';

/**
 * `<button data-razylyk-open>` anywhere on the page, now or added later, opens the preferences (loading
 * the UI first; once mounted, the UI opens them and returns focus to the opener on close): one
 * listener on the document, so site owners need no script of their own. Shared by the script tag's
 * first stage and connectUi (the npm build's path): whichever runs first on a page registers it.
 */
interface Opener {
  openPreferences(opener: Element): Promise<void>;
}

/** A load failure the loader already reported: the opener says nothing more about it. */
export function markReported(err: unknown): void {
  // Object(): a thrown primitive gets a throwaway wrapper (and is simply reported again).
  (pageContract().reported ??= new WeakSet()).add(Object(err));
}

/** Registers the page's one listener; `current` is whoever opens the preferences at click time. */
export function listenForOpeners(current: () => Opener): void {
  const contract = pageContract();
  if (contract.openers) return;
  contract.openers = true;
  // On window: its own members cannot be clobbered by named elements (document's can).
  addEventListener('click', (event) => {
    // composedPath: openers inside a component's shadow root count too.
    const opener = event
      .composedPath()
      .find((node) => (node as Partial<Element>).hasAttribute?.('data-razylyk-open'));
    if (opener) {
      // A link used as the opener (<a href="#" data-razylyk-open>) must not navigate.
      event.preventDefault();
      // Focus returns to the opener when they close.
      current()
        .openPreferences(opener as Element)
        .catch(
          (err: unknown) =>
            contract.reported?.has(Object(err)) || error('Could not open the preferences.', err),
        );
    }
  });
}
