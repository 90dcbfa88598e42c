import { error } from '../core/log.js';
import { pageContract } from '../core/page-contract.js';

/**
 * `<button data-razylyk-open>` anywhere on the page, now or added later, opens the preferences (loading
 * the UI first; once mounted, the UI handles these clicks itself and returns focus to the opener): one
 * listener on the document, so site owners need no script of their own. Shared by the script tag's
 * first stage and by connectUi: whichever runs first on a page registers it.
 */
interface Opener {
  openPreferences(): Promise<void>;
}

/** The UI is on the page for `instance`: it handles the openers from now on. */
export const markMounted = (instance: object): void => void (pageContract().mounted = instance);

/** A load failure the loader already reported: the opener says nothing more about it. */
export function markReported(err: unknown): void {
  // Object(): a thrown primitive gets a throwaway wrapper (and is simply reported again).
  (pageContract().reported ??= new WeakSet()).add(Object(err));
}

/** Registers the page's one listener; `current` is whoever opens the preferences at click time. */
export function listenForOpeners(current: () => Opener | undefined): void {
  const contract = pageContract();
  if (contract.openers) return;
  contract.openers = true;
  // On window: its own members cannot be clobbered by named elements (document's can).
  addEventListener('click', (event) => {
    // composedPath: openers inside a component's shadow root count too.
    const opener = event
      .composedPath()
      .find((node) => (node as Partial<Element>).hasAttribute?.('data-razylyk-open'));
    const target = current();
    if (!opener || !target || target === contract.mounted) return;
    // A link used as the opener (<a href="#" data-razylyk-open>) must not navigate.
    event.preventDefault();
    target.openPreferences().catch((err: unknown) => {
      if (!contract.reported?.has(Object(err))) error('Could not open the preferences.', err);
    });
  });
}
