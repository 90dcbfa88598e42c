/**
 * The public entry points that need a browser, guarded for server-side rendering: importing razylyk on
 * a server is safe (nothing runs at import time), and a call there says where to make it instead of
 * dying on a bare `window is not defined`. The loaders call the unguarded functions directly, so the
 * first stage and the engine carry none of this.
 */
import { createConsent as create } from './consent.js';
import type { ConsentController } from './consent.js';
import {
  getRazylyk as get,
  peekRazylyk as peek,
  resetRazylyk as reset,
  type PageRazylyk,
} from './instance.js';
import { needBrowser } from './log.js';
import type { DefaultPurposeId, RazylykConfig } from './types.js';

const guard =
  <Args extends unknown[], Result>(api: string, fn: (...args: Args) => Result) =>
  (...args: Args): Result => {
    needBrowser(api);
    return fn(...args);
  };

// The instance has exactly the default purposes and the configured ones: the narrower public types
// below say so (the internal ones take any purpose id).
/** Creates a consent controller: the engine without the UI entry points. */
export const createConsent: <P extends string = never>(
  config?: RazylykConfig<P>,
) => ConsentController<DefaultPurposeId | P> = /* @__PURE__ */ guard('createConsent', create) as never;
/** Returns the page's instance, creating it with `config` on first call (later configs are ignored with a warning). */
export const getRazylyk: <P extends string = never>(config?: RazylykConfig<P>) => PageRazylyk<P> =
  /* @__PURE__ */ guard('getRazylyk', get) as never;
/** The existing instance, if any. */
export const peekRazylyk: () => PageRazylyk | undefined = /* @__PURE__ */ guard('peekRazylyk', peek) as never;
/** Forgets the page's instance (tests and SPA teardown). */
export const resetRazylyk: typeof reset = /* @__PURE__ */ guard('resetRazylyk', reset);
