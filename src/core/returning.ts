import { createGate, type Gate } from './gating.js';
import { guardGeolocation } from './geolocation.js';
import { readRecord } from './record.js';
import { DEFAULT_PURPOSES, type ConsentRecord, type PurposeId } from './types.js';

/**
 * The returning visitor's path through the core, and the rules it shares with the engine: whether a
 * stored decision answers (`answers`), and how a decision is enforced (`enforce`: the geolocation guard
 * and gating). The first stage reads the stored decision with `storedDecision`, checked as strictly as
 * the engine checks it, and enforces it without the rest of the engine.
 */
export interface EnforceOptions {
  gating: boolean;
  geolocationGuard: boolean;
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
 * Enforcement, as the first stage and the engine set it up: the geolocation guard, then the gate (each
 * if configured), both following `isGranted`; returns the gate (for a re-check after a decision) and
 * the teardown of both. `declared`: the purposes a gated element may name; `blocked` hears of each
 * element the gate holds back (src/core/gating.ts).
 */
export function enforce(
  isGranted: (purpose: PurposeId) => boolean,
  options: EnforceOptions,
  declared: readonly string[],
  blocked?: (el: Element) => void,
): [gate: Gate | undefined, stop: () => void] {
  const release = options.geolocationGuard ? guardGeolocation(() => isGranted('location')) : undefined;
  const gate = options.gating ? createGate(isGranted, options.nonce, declared, blocked) : undefined;
  return [
    gate,
    () => {
      gate?.disconnect();
      release?.();
    },
  ];
}
