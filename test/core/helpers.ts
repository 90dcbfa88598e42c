/** The core tests' engine on a storage key of the test file's own, and per-test cleanup. */
import { createConsent, type ConsentController } from '../../src/core/consent.js';
import type { RazylykConfig } from '../../src/core/types.js';
import { clearKeysStartingWith } from '../helpers/storage.js';

/**
 * Test files run concurrently in pages of one browser context, which share localStorage and cookies
 * (and storage events). Each file therefore keeps its records under keys of its own, and cleans up
 * only those: a `localStorage.clear()` here would wipe another file's state in the middle of its test.
 */
export const NS = `t${Math.random().toString(36).slice(2, 10)}:`;
export const KEY = `${NS}consent`;

/** A controller on this file's key, without Consent Mode unless asked, destroyed by `cleanUp()`. */
export function start(config: RazylykConfig = {}): ConsentController {
  return track(createConsent({ storageKey: KEY, consentMode: false, ...config }));
}

/** Controllers created by a test, destroyed in afterEach by `cleanUp()`. */
const controllers: ConsentController[] = [];
export function track(controller: ConsentController): ConsentController {
  controllers.push(controller);
  return controller;
}

export function cleanUp(): void {
  for (const controller of controllers.splice(0)) controller.destroy();
  clearKeysStartingWith(NS);
  delete window.dataLayer;
}
