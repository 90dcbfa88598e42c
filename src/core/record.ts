import { CONSENT_METHODS, RECORD_SCHEMA, type ConsentRecord, type ConsentMethod } from './types.js';

/** A stored record is a few hundred bytes; anything far larger is not ours and is not parsed at all. */
export const MAX_RECORD_CHARS = 8192;
const MAX_PURPOSES = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Clocks drift; a decision a few minutes in the future is still plausible, a later one is forged. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_LIFETIME_DAYS = 395;

export type ParseResult = { record: ConsentRecord } | { problem: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses and validates a stored record. Anything short of a well-formed schema-1 record is a problem
 * (reported as text), never an exception: the caller treats it as "no decision".
 */
export function parseRecord(raw: string, now: number): ParseResult {
  if (raw.length > MAX_RECORD_CHARS)
    return { problem: `stored value is too large (${raw.length} characters)` };
  let forbidden = false;
  let value: unknown;
  try {
    value = JSON.parse(raw, (key, v) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = true;
      return v;
    });
  } catch {
    return { problem: 'stored value is not JSON' };
  }
  if (forbidden) return { problem: 'stored value has a __proto__/constructor/prototype key' };
  return validateRecord(value, now);
}

export function validateRecord(value: unknown, now: number): ParseResult {
  if (!isPlainObject(value)) return { problem: 'stored value is not an object' };
  const v = value as Record<string, unknown>;
  if (v.schema !== RECORD_SCHEMA) {
    return {
      problem:
        typeof v.schema === 'number' && v.schema > RECORD_SCHEMA
          ? `stored record has a newer schema (${v.schema})`
          : 'stored record has an unknown schema',
    };
  }
  if (typeof v.id !== 'string' || !UUID.test(v.id)) return { problem: 'stored record has no valid id' };
  if (!isShortString(v.policyVersion, 1, 200)) return { problem: 'stored record has no valid policyVersion' };
  if (!isShortString(v.textHash, 0, 200)) return { problem: 'stored record has no valid textHash' };
  if (!isShortString(v.language, 0, 35)) return { problem: 'stored record has no valid language' };
  if (typeof v.method !== 'string' || !CONSENT_METHODS.includes(v.method as ConsentMethod))
    return { problem: 'stored record has an unknown method' };
  if (typeof v.gpc !== 'boolean') return { problem: 'stored record has no valid gpc flag' };
  const decidedAt = parseInstant(v.decidedAt);
  const expiresAt = parseInstant(v.expiresAt);
  if (decidedAt === undefined || expiresAt === undefined)
    return { problem: 'stored record has invalid dates' };
  if (decidedAt > now + CLOCK_SKEW_MS) return { problem: 'stored record was decided in the future' };
  if (expiresAt <= decidedAt || expiresAt - decidedAt > (MAX_LIFETIME_DAYS + 1) * DAY_MS)
    return { problem: 'stored record has an impossible lifetime' };
  if (expiresAt <= now) return { problem: 'stored record has expired' };
  if (!isPlainObject(v.choices)) return { problem: 'stored record has no choices' };
  const choices: Record<string, boolean> = {};
  const entries = Object.entries(v.choices as Record<string, unknown>);
  if (entries.length > MAX_PURPOSES) return { problem: 'stored record has too many choices' };
  for (const [purpose, granted] of entries) {
    // Only a literal boolean is a choice: "false", 1 or null mean the record was tampered with.
    if (typeof granted !== 'boolean') return { problem: `stored choice for "${purpose}" is not a boolean` };
    choices[purpose] = granted;
  }
  return {
    record: {
      schema: RECORD_SCHEMA,
      id: v.id,
      policyVersion: v.policyVersion as string,
      textHash: v.textHash as string,
      language: v.language as string,
      decidedAt: v.decidedAt as string,
      expiresAt: v.expiresAt as string,
      method: v.method as ConsentMethod,
      choices,
      gpc: v.gpc,
    },
  };
}

function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isShortString(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isFinite(time) ? time : undefined;
}

export function lifetimeMs(days: number): number {
  return days * DAY_MS;
}

/** A random v4 UUID; `crypto.randomUUID` needs a secure context, so plain http pages get getRandomValues. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
