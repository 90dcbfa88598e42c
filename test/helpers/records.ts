/** Consent records as tests store, announce and read them. */
import type { ConsentRecord } from '../../src/core/types.js';

/** A valid stored record, to be overridden field by field (also with values the schema rejects). */
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

/** A valid record with an id of its own, as a frame would announce a new decision. */
export function freshRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return validRecord({ id: crypto.randomUUID(), ...overrides }) as unknown as ConsentRecord;
}

/** The record stored under `key` in `win`'s localStorage (the test page's by default), parsed. */
export function storedRecord(key: string, win: Window = window): ConsentRecord | null {
  const raw = win.localStorage.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as ConsentRecord);
}
