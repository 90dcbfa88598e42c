// Registry-wide, so razylyk's copies (script tag and npm build) recognise each other's elements while a
// page's own element of the same name is told apart.
const RAZYLYK_ELEMENT = Symbol.for('razylyk.element');

/**
 * Defines each element that is not defined yet (guarded: a page that loads razylyk twice does not throw
 * on the second definition), and returns the tags some other code defined first with a class of its
 * own: those cannot show razylyk's UI.
 */
export function defineAll(elements: Record<string, CustomElementConstructor>): string[] {
  const taken: string[] = [];
  for (const [tag, element] of Object.entries(elements)) {
    const existing = customElements.get(tag) as
      (CustomElementConstructor & { [RAZYLYK_ELEMENT]?: true }) | undefined;
    if (!existing) {
      Object.defineProperty(element, RAZYLYK_ELEMENT, { value: true });
      customElements.define(tag, element);
    } else if (!existing[RAZYLYK_ELEMENT]) {
      taken.push(tag);
    }
  }
  return taken;
}
