/** Shared helpers for the core tests: console capture, waiting, and per-test cleanup. */
import { createConsent, type ConsentController } from '../../src/core/controller.js';
import type { ConsentRecord, RazylykConfig } from '../../src/core/types.js';

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

/** Replaces console.warn with a recorder; call `restore()` when done. */
export function captureWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** Lets queued microtasks (the controller's coalesced flush) run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Records `razylyk-change` events on window until `stop()`. */
export function recordEvents(): { records: ConsentRecord[]; stop(): void } {
  const records: ConsentRecord[] = [];
  const listener = (event: CustomEvent<ConsentRecord>) => records.push(event.detail);
  window.addEventListener('razylyk-change', listener);
  return { records, stop: () => window.removeEventListener('razylyk-change', listener) };
}

/** A valid stored record, to be overridden field by field. */
export function validRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    schema: 1,
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    policyVersion: 'test-policy',
    textHash: '',
    language: 'en',
    decidedAt: new Date(now - 1000).toISOString(),
    expiresAt: new Date(now + 10 * 86_400_000).toISOString(),
    method: 'custom',
    choices: {
      necessary: true,
      cookies: true,
      web_beacons: false,
      location: false,
      ad_personalization: false,
    },
    gpc: false,
    ...overrides,
  };
}

/** Controllers created by a test, destroyed in afterEach by `cleanUp()`. */
const controllers: ConsentController[] = [];
export function track(controller: ConsentController): ConsentController {
  controllers.push(controller);
  return controller;
}

export function cleanUp(): void {
  for (const controller of controllers.splice(0)) controller.destroy();
  for (const key of Object.keys(localStorage)) if (key.startsWith(NS)) localStorage.removeItem(key);
  delete window.dataLayer;
}

export function readStored(): ConsentRecord | null {
  const raw = localStorage.getItem(KEY);
  return raw === null ? null : (JSON.parse(raw) as ConsentRecord);
}
