import { DEFAULT_POLICY_VERSION } from './policy-version.generated.js';
import type { RazylykConfig } from './types.js';

/**
 * The configuration table: every option razylyk has, one row each. The engine checks a configuration
 * against it (src/core/config.ts: the script tag's attributes and global, and the npm API's
 * object alike); the script tag's first stage (src/embed/boot-options.ts) is held to its third column
 * by the compiler, so that a new option cannot be added without saying what a returning visit does
 * with it, and the first stage (the file every page view loads) carries none of the table's bytes.
 *
 * A row is `[type, first stage, default]`:
 * - type: how a value is checked, and how its data- attribute is read (TYPES in config.ts);
 * - first stage, on a returning visit: 'read' uses the value; 'engine' means that a value (true, for a
 *   flag) needs the engine at once; 'framed' the same, in a frame only; 'later' is for the engine and
 *   the UI only;
 * - default: what applies when the option is left out or invalid (undefined: decided where it is used:
 *   the page's nonce, the detected language, the element's own layout and theme).
 */
export type OptionType =
  | 'text'
  | 'nonce'
  | 'flag'
  | 'days'
  | 'url'
  | 'origins'
  | 'language'
  | 'layout'
  | 'theme'
  | 'consentMode'
  | 'purposes'
  | 'controller';
type FirstStageUse = 'read' | 'engine' | 'framed' | 'later';
type Row<T> = readonly [OptionType, FirstStageUse, T];
export type OptionKey = keyof RazylykConfig;

/** CNIL's recommended lifetime for consent and refusal alike: 6 months. */
export const DEFAULT_LIFETIME_DAYS = 182;
export const DEFAULT_STORAGE_KEY = 'razylyk:consent';

export const OPTIONS = {
  storageKey: ['text', 'read', DEFAULT_STORAGE_KEY],
  policyVersion: ['text', 'read', DEFAULT_POLICY_VERSION],
  nonce: ['nonce', 'read', undefined],
  gating: ['flag', 'read', true],
  geolocationGuard: ['flag', 'read', true],
  consentMode: ['consentMode', 'read', true],
  purposes: ['purposes', 'engine', undefined],
  settingsButton: ['flag', 'engine', false],
  debug: ['flag', 'engine', false],
  allowedOrigins: ['origins', 'framed', undefined],
  lifetimeDays: ['days', 'later', DEFAULT_LIFETIME_DAYS],
  logEndpoint: ['url', 'later', undefined],
  language: ['language', 'later', undefined],
  layout: ['layout', 'later', undefined],
  theme: ['theme', 'later', undefined],
  controller: ['controller', 'later', undefined],
} as const satisfies { readonly [K in OptionKey]-?: Row<RazylykConfig[K]> };

/** The options whose row says `use` in the first stage's column. */
export type FirstStageKeys<Use extends FirstStageUse> = {
  [K in OptionKey]: (typeof OPTIONS)[K][1] extends Use ? K : never;
}[OptionKey];

/** The option's value in a checked configuration, else its default. */
export const setting = <K extends OptionKey>(
  config: Readonly<RazylykConfig>,
  key: K,
): NonNullable<RazylykConfig[K]> | (typeof OPTIONS)[K][2] => config[key] ?? OPTIONS[key][2];

/** The option's data- attribute: the key in kebab-case (`language` has a shorter one, `data-lang`: src/core/config.ts). */
export const attributeName = (key: string): string => `data-${key.replace(/[A-Z]/g, '-$&').toLowerCase()}`;

/**
 * A flag attribute's value: present with no value (`data-debug`, as HTML boolean attributes) or "true"
 * is true, "false" is false (any case, spaces around); anything else is no flag (undefined).
 */
export function attributeFlag(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  return word === 'false' ? false : word === '' || word === 'true' ? true : undefined;
}

/** True when A and B are the same union: the compiler's check that code covers a column of the table. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
