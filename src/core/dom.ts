/**
 * The document as the browser defines it. `document` answers with an <img>, <form>, <embed>, <object>
 * or <iframe> of that name before its own properties (WebIDL [LegacyOverrideBuiltIns]): an injected
 * `<img name="currentScript">` or `<img name="body">` would stand in for them (DOM clobbering, the class
 * of webpack's CVE-2024-43788). Read through Document.prototype, the named elements are skipped.
 * Window's own members and Element methods cannot be clobbered this way; `location` is unforgeable.
 */
export const documentProperty = <K extends keyof Document>(name: K): Document[K] =>
  Reflect.get(Document.prototype, name, document) as Document[K];

/** `document.createElement`, unclobbered. */
export const createElement = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] =>
  documentProperty('createElement').call(document, tag) as HTMLElementTagNameMap[K];

/** The <html> element: queries on it cover the whole document. */
export const documentRoot = (): HTMLElement => documentProperty('documentElement');

/** Where razylyk appends its elements: the body, or <html> while there is none (a frameset, early in parsing). */
export function pageBody(): HTMLElement {
  const body = documentProperty('body');
  return body instanceof HTMLElement ? body : documentRoot();
}

/** Sets `document.cookie` through its own setter (a named `<img name="cookie">` would swallow the write). */
export const setCookie = (value: string): void =>
  void Reflect.set(Document.prototype, 'cookie', value, document);
