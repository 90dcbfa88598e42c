/**
 * The public entry points that need a browser, guarded for server-side rendering: importing razylyk on
 * a server is safe (nothing runs at import time), and a call there says where to make it instead of
 * dying on a bare `window is not defined`. The loaders call the unguarded functions directly, so the
 * first stage and the engine carry none of this.
 */
import { createConsent as create } from './controller.js';
import { getRazylyk as get, peekRazylyk as peek, resetRazylyk as reset } from './instance.js';
import { needBrowser } from './log.js';

const guard =
  <Args extends unknown[], Result>(api: string, fn: (...args: Args) => Result) =>
  (...args: Args): Result => {
    needBrowser(api);
    return fn(...args);
  };

/** Creates a consent controller: the engine without the UI entry points. */
export const createConsent: typeof create = /* @__PURE__ */ guard('createConsent', create);
/** Returns the page's instance, creating it with `config` on first call (later configs are ignored with a warning). */
export const getRazylyk: typeof get = /* @__PURE__ */ guard('getRazylyk', get);
/** The existing instance, if any. */
export const peekRazylyk: typeof peek = /* @__PURE__ */ guard('peekRazylyk', peek);
/** Forgets the page's instance (tests and SPA teardown). */
export const resetRazylyk: typeof reset = /* @__PURE__ */ guard('resetRazylyk', reset);
