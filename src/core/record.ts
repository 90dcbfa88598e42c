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
// instant() is NaN for anything but a real instant; > 0 also refuses 1970 and before (never a live record).
const isInstant: Check = (value) => instant(value) > 0;
// Only a literal boolean is a choice: "false", 1 or null mean the record was tampered with. No purpose
// is called __proto__, constructor or prototype.
const isChoices: Check = (value) =>
  isPlainObject(value) &&
  !hasForbiddenKey(value) &&
  Object.keys(value).length <= MAX_PURPOSES &&
  Object.values(value).every((granted) => typeof granted === 'boolean');

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
  ['choices', isChoices],
  ['gpc', (value) => typeof value === 'boolean'],
];

/** Keys no record of ours has: a value with one was crafted, and is refused whatever else it holds. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const hasForbiddenKey = (object: object): boolean =>
  Object.keys(object).some((key) => FORBIDDEN_KEYS.includes(key));

/**
 * Why a value is not a valid record: a problem (an index of PROBLEMS) and what it concerns. The texts
 * are only in parseRecord and validateRecord, which the script tag's first stage does not import (it
 * only needs to know whether there is a decision; the engine reports why not).
 */
type Flaw = [problem: number, detail?: unknown, value?: unknown];
const TOO_LARGE = 0;
const NOT_JSON = 1;
const FORBIDDEN_KEY = 2;
const NOT_OBJECT = 3;
const INVALID_FIELD = 4;
const IN_THE_FUTURE = 5;
const IMPOSSIBLE_LIFETIME = 6;
const EXPIRED = 7;
const PROBLEMS: ((detail: unknown, value?: unknown) => string)[] = [
  (length) => `too large (${length as number} characters)`,
  () => 'not JSON',
  () => 'a __proto__, constructor or prototype key',
  () => 'not an object',
  // A newer schema is worth naming: a newer razylyk wrote it (and this one must not use it).
  (field, value) =>
    field === 'schema' && typeof value === 'number' && value > RECORD_SCHEMA
      ? `a newer schema (${value})`
      : field === 'choices' && isPlainObject(value)
        ? choicesProblem(value)
        : `no valid ${field as string}`,
  () => 'decided in the future',
  () => 'an impossible lifetime',
  () => 'expired',
];

type Checked = ConsentRecord | Flaw;
const explain = (checked: Checked): ParseResult =>
  Array.isArray(checked) ? { problem: PROBLEMS[checked[0]](checked[1], checked[2]) } : { record: checked };

/**
 * Parses and validates a stored record. Anything short of a well-formed schema-1 record is a problem
 * (reported as text), never an exception: the caller treats it as "no decision".
 */
export const parseRecord = (raw: string, now: number): ParseResult => explain(checkStored(raw, now));

export const validateRecord = (value: unknown, now: number): ParseResult => explain(check(value, now));

/** The valid record in `raw`, or null, without saying why (the returning visitor's path). */
export function readRecord(raw: string, now: number): ConsentRecord | null {
  const checked = checkStored(raw, now);
  return Array.isArray(checked) ? null : checked;
}

function checkStored(raw: string, now: number): Checked {
  if (raw.length > MAX_RECORD_CHARS) return [TOO_LARGE, raw.length];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [NOT_JSON];
  }
  return check(value, now);
}

/**
 * The record's one schema, for a stored value (parsed) and one from the bridge (structured-cloned)
 * alike: every field of FIELDS, no forbidden key in the record or its choices (the only object in it),
 * a plausible lifetime. Other keys are left out of the copy, not refused: a newer razylyk may add one
 * without a new schema, and an older reader must still understand the decision.
 */
function check(value: unknown, now: number): Checked {
  if (!isPlainObject(value)) return [NOT_OBJECT];
  if (hasForbiddenKey(value)) return [FORBIDDEN_KEY];
  const record: Record<string, unknown> = {};
  for (const [field, isValid] of FIELDS) {
    const fieldValue = own(value, field);
    if (!isValid(fieldValue)) return [INVALID_FIELD, field, fieldValue];
    record[field] = fieldValue;
  }
  const decidedAt = instant(value.decidedAt);
  const expiresAt = instant(value.expiresAt);
  if (decidedAt > now + CLOCK_SKEW_MS) return [IN_THE_FUTURE];
  if (expiresAt <= decidedAt || expiresAt - decidedAt > (MAX_LIFETIME_DAYS + 1) * DAY_MS)
    return [IMPOSSIBLE_LIFETIME];
  if (expiresAt <= now) return [EXPIRED];
  // A frozen copy: the caller's object (validateRecord) may change later, and whoever is handed the
  // record (get(), events, listeners) cannot change the decision.
  record.choices = Object.freeze({ ...(value.choices as object) });
  return Object.freeze(record) as unknown as ConsentRecord;
}

/** `object[key]` if it is the object's own: a polluted Object.prototype supplies nothing. */
export const own = (object: object, key: PropertyKey): unknown =>
  Object.hasOwn(object, key) ? (object as Record<PropertyKey, unknown>)[key] : undefined;

/** A plain object (a literal or JSON's), not an array, a class instance or null. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  // Primitives and arrays have other prototypes; null and undefined have none to ask for.
  value != null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** The time of an ISO instant string; NaN for anything else, including impossible dates. */
const instant = (value: unknown): number =>
  typeof value === 'string' && ISO_INSTANT.test(value) ? Date.parse(value) : NaN;

/** What is wrong with a plain choices object that isChoices refused (only the engine says it). */
function choicesProblem(choices: Record<string, unknown>): string {
  const purpose = Object.keys(choices).find((key) => typeof choices[key] !== 'boolean');
  if (purpose !== undefined) return `a non-boolean choice for "${purpose}"`;
  return hasForbiddenKey(choices) ? PROBLEMS[FORBIDDEN_KEY](0) : 'too many choices';
}

/** Whether `record` grants `purpose`: only a literal true does, and `necessary` always is. */
export const grants = (record: ConsentRecord | null, purpose: string): boolean =>
  purpose === 'necessary' || (!!record && own(record.choices, purpose) === true);

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
