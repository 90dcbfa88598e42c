import { warn } from '../core/log.js';
import type { RazylykConfig } from '../core/types.js';
import type { MountOptions } from '../core/page-contract.js';
import { controllerFacts } from '../policy/controller.js';

/**
 * Configuration of the script tag: `data-` attributes of the script element, merged over a
 * `window.razylykConfig` object set before it. Both come from the host page, which may be careless or
 * hostile, so only known keys of the right type are copied; a bad value is reported and left out, and
 * the engine then uses its default.
 */
type Key = keyof RazylykConfig;
type Check = (value: unknown) => boolean;

const isText: Check = (value) => typeof value === 'string' && value.trim() !== '';
const isBoolean: Check = (value) => typeof value === 'boolean';
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    allowed.includes(value as string);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const TEXT: [Check, string] = [isText, 'a non-empty string'];
const BOOLEAN: [Check, string] = [isBoolean, 'true or false'];
// Key order is also the order in which data- attributes are read (and reported).
const CHECKS: Record<Key, [Check, string]> = {
  language: [isText, 'a language tag such as "tk"'],
  layout: [oneOf('bar', 'box', 'modal'), '"bar", "box" or "modal"'],
  theme: [oneOf('light', 'dark', 'auto'), '"light", "dark" or "auto"'],
  policyVersion: TEXT,
  storageKey: TEXT,
  lifetimeDays: [(v) => typeof v === 'number' && v > 0 && v < Infinity, 'a positive number of days'],
  allowedOrigins: [Array.isArray, 'a list of origins'],
  logEndpoint: [isText, 'a URL'],
  consentMode: [(v) => isBoolean(v) || isPlainObject(v), 'true, false or a mapping'],
  settingsButton: BOOLEAN,
  geolocationGuard: BOOLEAN,
  gating: BOOLEAN,
  debug: BOOLEAN,
  purposes: [(v) => Array.isArray(v) && v.every(isPlainObject), 'a list of purpose objects'],
  nonce: TEXT,
  controller: [
    (v) => controllerFacts(v) !== undefined,
    'an object { name, address, contact } with a non-empty name',
  ],
};
/** The options a data- attribute can set: all but those that are no text (purposes, controller) or must not be (nonce). */
const NOT_ATTRIBUTES = new Set<string>(['purposes', 'nonce', 'controller']);
const ATTRIBUTE_KEYS = (Object.keys(CHECKS) as Key[]).filter((key) => !NOT_ATTRIBUTES.has(key));
/** The attribute is the key in kebab-case, except `data-lang`. */
const attributeName = (key: string) =>
  `data-${key === 'language' ? 'lang' : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function readAttribute(key: Key, text: string): unknown {
  if (key === 'lifetimeDays') return text.trim() === '' ? NaN : Number(text);
  if (key === 'allowedOrigins') return text.split(/\s+/).filter(Boolean);
  return CHECKS[key] === BOOLEAN || key === 'consentMode' ? readBoolean(text) : text;
}

/** A present attribute with no value (`data-debug`) means true, as with HTML boolean attributes. */
function readBoolean(text: string): unknown {
  const normalized = text.trim().toLowerCase();
  return normalized === 'false' ? false : normalized === '' || normalized === 'true' || text;
}

/** The validated configuration: `attributes` (the script element's) win over `global` (window.razylykConfig). */
export function readConfig(script: HTMLElement | null, global: unknown): RazylykConfig {
  // No prototype: an option the page left out reads as undefined, whatever Object.prototype holds.
  const config: Record<string, unknown> = Object.create(null);
  if (global !== undefined && global !== null) {
    if (isPlainObject(global)) copyKnown(global, config, (key) => `window.razylykConfig.${key}`);
    else warn('window.razylykConfig must be an object; it is ignored.');
  }
  if (script) {
    const fromAttributes: Record<string, unknown> = Object.create(null);
    for (const key of ATTRIBUTE_KEYS) {
      const text = script.getAttribute(attributeName(key));
      if (text !== null) fromAttributes[key] = readAttribute(key, text);
    }
    copyKnown(fromAttributes, config, attributeName);
  }
  return config as RazylykConfig;
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
    if (!Object.hasOwn(CHECKS, key)) {
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
    const [check, expected] = CHECKS[key as Key];
    if (!check(value))
      warn(`${name} must be ${expected}, not ${JSON.stringify(value)}; the default is used.`);
    // Arrays are copied so that the page changing its object later does not change the running config.
    else
      target[key] =
        key === 'allowedOrigins'
          ? exactOrigins(value as unknown[], name)
          : key === 'controller'
            ? controllerFacts(value)
            : Array.isArray(value)
              ? value.slice()
              : value;
  }
}

/**
 * postMessage origins are compared exactly, so "https://a.example/" would never match: say so. "*" is
 * the operator's explicit choice to accept every origin; it is kept, with a warning.
 */
function exactOrigins(list: unknown[], where: string): string[] {
  return list.filter((entry) => {
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
  }) as string[];
}

/** What the UI needs from the configuration. */
export function mountOptions(config: Readonly<RazylykConfig>): MountOptions {
  const options: MountOptions = {};
  if (config.language) options.language = config.language;
  if (config.layout) options.layout = config.layout;
  if (config.theme) options.theme = config.theme;
  if (config.settingsButton !== undefined) options.settingsButton = config.settingsButton;
  return options;
}
