import { pageContract } from '../core/page-contract.js';

/**
 * Defines each element that is not defined yet (guarded: a page that loads razylyk twice does not throw
 * on the second definition), and returns the tags some other code defined first with a class of its
 * own: those cannot show razylyk's UI.
 */
export function defineAll(elements: Record<string, CustomElementConstructor>): string[] {
  const taken: string[] = [];
  // In the page contract: razylyk's copies (script tag and npm build) recognise each other's elements,
  // while a page's own element of the same name is told apart. A server's DOM shim (SSR) has
  // customElements but no window, and no page to share.
  const ours = typeof window === 'undefined' ? new WeakSet() : (pageContract().elements ??= new WeakSet());
  for (const [tag, element] of Object.entries(elements)) {
    const existing = customElements.get(tag);
    if (!existing) {
      ours.add(element);
      customElements.define(tag, element);
    } else if (!ours.has(existing)) {
      taken.push(tag);
    }
  }
  return taken;
}
