import * as extras from './extras.js';

/**
 * Core code a returning visitor does not run (src/core/extras.ts). Here it is bundled: bundlers of the
 * npm build see it as ordinary code, and it starts in a microtask, before any message can arrive. The
 * script-tag build swaps this module for src/embed/lazy-url.ts, which imports the same code from
 * dist/cdn/extras.js beside the script, on first use.
 */
export const loadExtras = (): Promise<typeof extras> => Promise.resolve(extras);
