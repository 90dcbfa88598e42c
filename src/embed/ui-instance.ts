/**
 * Stands in for src/core/instance.ts inside dist/cdn/ui.js (vite.config.ts, 'ui' mode): the loader
 * created the page's instance before it imported the UI, so the UI joins that instance instead of
 * bundling a second copy of the core.
 */
import type { Razylyk } from '../core/instance.js';
import { pageContract } from '../core/page-contract.js';

export const peekRazylyk = (): Razylyk | undefined => pageContract().instance;

export function getRazylyk(): Razylyk {
  const instance = peekRazylyk();
  if (!instance) throw new Error('[razylyk] cdn/ui.js needs the instance that razylyk.js creates.');
  return instance;
}
