import { documentProperty } from '../core/dom.js';

/**
 * Where the script tag's companion files are: dist/cdn beside razylyk.js, whatever path or origin the
 * script came from. Read synchronously: currentScript is null once this script has finished (and in
 * callbacks, and in modules), and it is the only reliable way to find our own URL with async, defer, a
 * CDN path or another origin.
 */
// (An SVG <script> has no src: the URLs then resolve against the page's address, never a <base> that
// markup injected into the page could have set.)
// Through Document.prototype: an injected <img name="currentScript" src="/evil/"> must not choose our modules.
let script = documentProperty('currentScript') as HTMLScriptElement | null;

/** The razylyk.js element itself (its data- attributes are the configuration). */
export const ownScript = (): HTMLScriptElement | null => script;

/** dist/cdn/engine.js is a module, without a currentScript: the first stage tells it which tag it serves. */
export function useScript(element: HTMLScriptElement | null): void {
  script = element;
}

/** The URL of `file` in dist/cdn. */
export const cdnUrl = (file: string): string => new URL(`cdn/${file}`, script?.src || location.href).href;

/** Imports a module of dist/cdn. */
export const importCdn = <T>(file: string): Promise<T> =>
  import(/* @vite-ignore */ cdnUrl(file)) as Promise<T>;
