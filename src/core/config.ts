import { controllerFacts } from './controller-facts.js';
import { warn } from './log.js';
import { attributeFlag, attributeName, OPTIONS, type OptionKey, type OptionType } from './options.js';
import { isPlainObject, MAX_LIFETIME_DAYS } from './record.js';
import { isSafeUrl } from './trusted.js';
import type { RazylykConfig } from './types.js';

/**
 * The engine's reading of a configuration, by the table (src/core/options.ts): the script tag's
 * `data-` attributes over `window.razylykConfig`, or the object the npm API is given. Both come from
 * the host page, which may be careless or hostile: only known own keys of the right type are copied;
 * a bad value is reported and left out, so that its default applies.
 */
type Check = (value: unknown) => boolean;
/** What a type accepts, said in a warning; optionally how the kept value is made (a copy, a cap). */
type TypeRule = [check: Check, expected: string, keep?: (value: never, where: string) => unknown];

const isText: Check = (value) => typeof value === 'string' && value.trim() !== '';
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    allowed.includes(value as string);
const TEXT: TypeRule = [isText, 'a non-empty string'];

const TYPES: Record<OptionType, TypeRule> = {
  text: TEXT,
  nonce: TEXT,
  flag: [(value) => typeof value === 'boolean', 'true or false'],
  days: [
    (value) => typeof value === 'number' && value > 0 && value < Infinity,
    'a positive number of days',
    capDays,
  ],
  url: [(value) => isText(value) && isSafeUrl(value as string), 'an http(s) URL'],
  origins: [Array.isArray, 'a list of origins', exactOrigins],
  language: [isText, 'a language tag such as "tk"'],
  layout: [oneOf('bar', 'box', 'modal'), '"bar", "box" or "modal"'],
  theme: [oneOf('light', 'dark', 'auto'), '"light", "dark" or "auto"'],
  consentMode: [
    (value) => typeof value === 'boolean' || isPlainObject(value),
    'true, false or a mapping',
    mapping,
  ],
  // Each purpose is checked, and reported, with the defaults it changes (src/core/purposes.ts).
  purposes: [Array.isArray, 'a list of purpose objects', copy],
  controller: [
    (value) => controllerFacts(value) !== undefined,
    'an object { name, address, contact } with a non-empty name',
    controllerFacts,
  ],
};
/** No text, or none that markup may set (a nonce must not be readable in the page). */
const NOT_ATTRIBUTES: OptionType[] = ['nonce', 'purposes', 'controller'];

/** Configurations already read here: handed to the engine, they are not read (nor reported) twice. */
const checked = new WeakSet<object>();

/**
 * The checked configuration, frozen and without a prototype (an option the page left out reads as
 * undefined, whatever Object.prototype holds): the `script` element's attributes win over `global`
 * (window.razylykConfig, or the npm API's object, reported as `label`).
 */
export function readConfig(
  script: Element | null,
  global: unknown,
  label = 'window.razylykConfig',
): Readonly<RazylykConfig> {
  if (!script && checked.has(global as object)) return global as Readonly<RazylykConfig>;
  const config: Record<string, unknown> = Object.create(null);
  if (global != null) {
    if (typeof global === 'object' && !Array.isArray(global))
      copyKnown(global as Record<string, unknown>, config, (key) => `${label}.${key}`);
    else warn(`${label} must be an object; it is ignored.`);
  }
  if (script) {
    const fromAttributes: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(OPTIONS) as OptionKey[]) {
      const type = OPTIONS[key][0];
      const text = NOT_ATTRIBUTES.includes(type) ? null : script.getAttribute(attributeOf(key));
      if (text !== null) fromAttributes[key] = fromText(type, text);
    }
    copyKnown(fromAttributes, config, attributeOf);
  }
  checked.add(Object.freeze(config));
  return config;
}

/** `language` has the short attribute `data-lang`. */
const attributeOf = (key: string) => (key === 'language' ? 'data-lang' : attributeName(key));

function fromText(type: OptionType, text: string): unknown {
  if (type === 'days') return text.trim() === '' ? NaN : Number(text);
  if (type === 'origins') return text.split(/\s+/).filter(Boolean);
  if (type !== 'flag' && type !== 'consentMode') return text;
  // A flag's value; anything else stays text, which the type's check reports.
  return attributeFlag(text) ?? text;
}

function copyKnown(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  describe: (key: string) => string,
): void {
  let keys: string[] = [];
  try {
    keys = Object.keys(source);
  } catch (err) {
    warn('The razylyk configuration could not be read; defaults are used.', err);
  }
  for (const key of keys) {
    const name = describe(key);
    // Object.hasOwn on our own table: "__proto__", "constructor" and other unknown keys never get through.
    if (!Object.hasOwn(OPTIONS, key)) {
      warn(`Unknown option ${name}; ignored.`);
      continue;
    }
    let value: unknown;
    try {
      value = source[key];
    } catch (err) {
      warn(`${name} could not be read; the default is used.`, err);
      continue;
    }
    if (value === undefined) continue;
    const [check, expected, keep] = TYPES[OPTIONS[key as OptionKey][0]];
    if (!check(value))
      warn(`${name} must be ${expected}, not ${JSON.stringify(value)}; the default is used.`);
    // Copies: the page changing its object later does not change the running configuration.
    else target[key] = keep ? keep(value as never, name) : value;
  }
}

function copy(list: unknown[]): readonly unknown[] {
  return Object.freeze(list.slice());
}

function capDays(days: number, where: string): number {
  if (days <= MAX_LIFETIME_DAYS) return days;
  warn(`${where} is capped at ${MAX_LIFETIME_DAYS} (13 months).`);
  return MAX_LIFETIME_DAYS;
}

/** A Consent Mode mapping of one's own: each type lists the purposes that must all be granted. */
function mapping(value: boolean | Record<string, unknown>, where: string): unknown {
  if (typeof value === 'boolean') return value;
  const kept: Record<string, readonly string[]> = {};
  for (const type of Object.keys(value)) {
    const purposes = value[type];
    if (Array.isArray(purposes) && purposes.every((p) => typeof p === 'string'))
      kept[type] = copy(purposes) as string[];
    else warn(`${where}.${type} must list purpose ids; ignored.`);
  }
  return Object.freeze(kept);
}

/**
 * postMessage origins are compared exactly, so "https://a.example/" would never match: say so. "*" is
 * the operator's explicit choice to accept every origin; it is kept, with a warning.
 */
function exactOrigins(list: unknown[], where: string): readonly string[] {
  return copy(
    list.filter((entry) => {
      if (entry === '*') {
        warn(`${where}: "*" lets every site embed this page and read and change consent.`);
        return true;
      }
      let ok = false;
      try {
        ok = typeof entry === 'string' && entry !== 'null' && new URL(entry).origin === entry;
      } catch {
        // Not a URL at all.
      }
      if (!ok)
        warn(`${where}: ${JSON.stringify(entry)} is not an origin like "https://shop.example"; ignored.`);
      return ok;
    }),
  ) as readonly string[];
}
