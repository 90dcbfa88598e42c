import { CONSENT_METHODS, RECORD_SCHEMA, type ConsentMethod, type ConsentRecord } from './types.js';

/** A stored record is a few hundred bytes; anything far larger is not ours and is not parsed at all. */
export const MAX_RECORD_CHARS = 8192;
const MAX_PURPOSES = 64;
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
/** Clocks drift; a decision a few minutes in the future is still plausible, a later one is forged. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_LIFETIME_DAYS = 395;
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

export type ParseResult = { record: ConsentRecord } | { problem: string };

type Check = (value: unknown) => boolean;
const text =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'string' && value.length >= min && value.length <= max;
const isInstant: Check = (value) => instant(value) !== undefined;

/** Every field of a schema-1 record with its check, in the record's order (the parsed copy keeps it). */
const FIELDS: [keyof ConsentRecord, Check][] = [
  ['schema', (value) => value === RECORD_SCHEMA],
  ['id', (value) => typeof value === 'string' && UUID.test(value)],
  ['policyVersion', text(1, 200)],
  ['textHash', text(0, 200)],
  ['language', text(0, 35)],
  ['decidedAt', isInstant],
  ['expiresAt', isInstant],
  ['method', (value) => CONSENT_METHODS.includes(value as ConsentMethod)],
  ['choices', isPlainObject],
  ['gpc', (value) => typeof value === 'boolean'],
];

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Parses and validates a stored record. Anything short of a well-formed schema-1 record is a problem
 * (reported as text), never an exception: the caller treats it as "no decision".
 */
export function parseRecord(raw: string, now: number): ParseResult {
  if (raw.length > MAX_RECORD_CHARS) return { problem: `too large (${raw.length} characters)` };
  let forbidden = false;
  let value: unknown;
  try {
    value = JSON.parse(raw, (key, v: unknown) => {
      forbidden ||= FORBIDDEN_KEYS.includes(key);
      return v;
    });
  } catch {
    return { problem: 'not JSON' };
  }
  if (forbidden) return { problem: 'a __proto__, constructor or prototype key' };
  return validateRecord(value, now);
}

export function validateRecord(value: unknown, now: number): ParseResult {
  const problem = (what: string): ParseResult => ({ problem: what });
  if (!isPlainObject(value)) return problem('not an object');
  const v = value as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (const [field, check] of FIELDS) {
    if (!check(v[field]))
      return problem(
        field === 'schema' && typeof v.schema === 'number' && v.schema > RECORD_SCHEMA
          ? `a newer schema (${v.schema})`
          : `no valid ${field}`,
      );
    record[field] = v[field];
  }
  const decidedAt = instant(v.decidedAt)!;
  const expiresAt = instant(v.expiresAt)!;
  if (decidedAt > now + CLOCK_SKEW_MS) return problem('decided in the future');
  if (expiresAt <= decidedAt || expiresAt - decidedAt > (MAX_LIFETIME_DAYS + 1) * DAY_MS)
    return problem('an impossible lifetime');
  if (expiresAt <= now) return problem('expired');
  const entries = Object.entries(v.choices as object);
  if (entries.length > MAX_PURPOSES) return problem('too many choices');
  const choices: Record<string, boolean> = {};
  for (const [purpose, granted] of entries) {
    // Only a literal boolean is a choice: "false", 1 or null mean the record was tampered with.
    if (typeof granted !== 'boolean') return problem(`a non-boolean choice for "${purpose}"`);
    choices[purpose] = granted;
  }
  record.choices = choices;
  return { record: record as unknown as ConsentRecord };
}

function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function instant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

export function lifetimeMs(days: number): number {
  return days * DAY_MS;
}

/** A random v4 UUID; `crypto.randomUUID` needs a secure context, so plain http pages get getRandomValues. */
export function newId(): string {
  try {
    return crypto.randomUUID();
  } catch {
    // Not a secure context (randomUUID is missing there): fall through.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b | 256).toString(16).slice(1)).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
