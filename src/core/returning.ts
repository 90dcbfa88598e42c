import { createGate } from './gating.js';
import { guardGeolocation } from './geolocation.js';
import { grants, readRecord } from './record.js';
import { DEFAULT_CONSENT_MODE, pushConsentDefault, pushConsentUpdate } from './signals.js';
import { DEFAULT_PURPOSES, type ConsentRecord, type PurposeId } from './types.js';

/**
 * The returning visitor's path through the core: the stored decision, checked as strictly as the
 * engine checks it, and enforced (gating, geolocation guard, Consent Mode) without the rest of the
 * engine. Only for the default purposes: custom purposes take the engine's path.
 */
export interface EnforceOptions {
  gating: boolean;
  geolocationGuard: boolean;
  /** Push the default Consent Mode mapping (a mapping of one's own takes the engine's path). */
  consentMode: boolean;
  /** For activated inline scripts: the configured nonce, else the page's (the script tag's own). */
  nonce: string | undefined;
}

/**
 * A valid record is the visitor's answer when it was given to this `policyVersion` and decides every
 * purpose in `ids` (a purpose added since then has not been asked about): the one rule of the first
 * stage and the engine. Own keys: the record's choices are all booleans, and a polluted prototype
 * supplies none.
 */
export const answers = (record: ConsentRecord | null, policyVersion: string, ids: readonly string[]) =>
  record?.policyVersion === policyVersion && ids.every((id) => Object.hasOwn(record.choices, id));

/** The stored record when it answers for `policyVersion` on every default purpose; else null (the engine says why). */
export function storedDecision(storageKey: string, policyVersion: string): ConsentRecord | null {
  let record: ConsentRecord | null = null;
  try {
    // Nothing stored reads as '', which is no record.
    record = readRecord(localStorage.getItem(storageKey) ?? '', Date.now());
  } catch {
    // Storage refused: the engine falls back to memory and says so.
  }
  return answers(record, policyVersion, DEFAULT_PURPOSES) ? record : null;
}

/**
 * Enforces `record` (null: nothing granted yet) on the page; returns the teardown. `blocked` is called
 * with each element the gate holds back (the script tag starts the engine, which knows which of them
 * show a placeholder: src/core/gating.ts).
 */
export function enforce(
  record: ConsentRecord | null,
  options: EnforceOptions,
  blocked?: () => void,
): () => void {
  const isGranted = (purpose: PurposeId) => grants(record, purpose);
  const release = options.geolocationGuard ? guardGeolocation(() => isGranted('location')) : undefined;
  if (options.consentMode) {
    pushConsentDefault(DEFAULT_CONSENT_MODE);
    if (record) pushConsentUpdate(DEFAULT_CONSENT_MODE, record);
  }
  // Nothing to activate before a decision: the engine's gate takes over once it has one.
  const gate =
    options.gating && record ? createGate(isGranted, options.nonce, DEFAULT_PURPOSES, blocked) : undefined;
  return () => {
    gate?.disconnect();
    release?.();
  };
}
