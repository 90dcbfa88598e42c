/**
 * The contract every part of razylyk shares: purposes, the consent record, configuration and events.
 * The core imports nothing else, so this file stays free of Lit and i18next.
 */

/** The purposes the Qiming policy asks consent for, plus `necessary`, which is always granted. */
export const DEFAULT_PURPOSES = [
  'necessary',
  'cookies',
  'web_beacons',
  'location',
  'ad_personalization',
] as const;
export type DefaultPurposeId = (typeof DEFAULT_PURPOSES)[number];
/**
 * Any purpose id: operators may add purposes of their own, hence `string`. The public API is typed
 * with the ids a page has (`Razylyk<P>`: the defaults plus the custom ones `startRazylyk()` is given),
 * so a typo is a compile error; this wide type is for code that handles any configuration.
 */
export type PurposeId = DefaultPurposeId | (string & {});

/** The languages razylyk ships (src/i18n/languages.ts lists them with their names). */
export type Language = 'tk' | 'en' | 'ru' | 'zh' | 'tr' | 'de' | 'ar';
/** A language to show: a shipped one, or a regional tag of one (`en-GB` shows `en`). */
export type LanguageTag = Language | `${Language}-${string}`;

/** A cookie name or localStorage key: exact string, a `*` wildcard pattern (`_ga*`), or a RegExp. */
export type NamePattern = string | RegExp;

/** Text an operator gives once, or per language (`{ en: '…', tk: '…' }`). */
export type LocalText = string | Record<string, string>;

/**
 * One cookie, storage key or third party a purpose uses, as the preferences and the policy list it.
 * Declared in `cookies` and `storageKeys` (whose names, `*` patterns included, are deleted on
 * withdrawal like plain patterns) or in `thirdParties` (listed only).
 */
export interface Declaration {
  kind: 'cookie' | 'storage' | 'third-party';
  /** The cookie name or storage key (`*` wildcards allowed), or the third party's name. */
  name: string;
  provider?: string;
  /** How long it is kept: text, or a number of days (shown in the visitor's language). */
  duration?: LocalText | number;
  description?: LocalText;
  /** razylyk's own record (`storageKey`): its description comes from the UI strings. */
  builtIn?: true;
}

/** A declaration as operators write it in `cookies`, `storageKeys` or `thirdParties`. */
export type DeclarationInput = Omit<Declaration, 'kind' | 'builtIn'>;

export interface PurposeDefinition<P extends string = PurposeId> {
  id: P;
  /** Required purposes are always granted and cannot be switched off. */
  required: boolean;
  /** The policy section this purpose rests on (a section id of the policy document). */
  policySection: string;
  /** Cookies that belong to the purpose: deleted when it is withdrawn. */
  cookies: NamePattern[];
  /** localStorage keys that belong to the purpose: deleted when it is withdrawn. */
  storageKeys: NamePattern[];
  /** Switched off by a Global Privacy Control signal until the visitor opts in explicitly. */
  gpcRestricted: boolean;
  /** Title and description for operator-defined purposes, per language (the defaults come from the locales). */
  title?: Record<string, string>;
  description?: Record<string, string>;
}

export type PurposeInput<P extends string = PurposeId> = Partial<
  Omit<PurposeDefinition, 'id' | 'cookies' | 'storageKeys'>
> & {
  id: P;
  /** Names or patterns (deleted on withdrawal), or declarations with a name (deleted too) and details. */
  cookies?: (NamePattern | DeclarationInput)[];
  storageKeys?: (NamePattern | DeclarationInput)[];
  /** Third parties the purpose shares data with (listed, nothing to delete). */
  thirdParties?: DeclarationInput[];
};

export type ConsentMethod = 'accept_all' | 'reject_all' | 'custom' | 'withdraw' | 'gpc';
export const CONSENT_METHODS: readonly ConsentMethod[] = [
  'accept_all',
  'reject_all',
  'custom',
  'withdraw',
  'gpc',
];

export const RECORD_SCHEMA = 1;

/** The proof of a decision, as stored in localStorage and announced to the page. */
export interface ConsentRecord<P extends string = string> {
  schema: typeof RECORD_SCHEMA;
  /** Random UUID: the proof-of-consent id the visitor and the operator can quote. */
  id: string;
  policyVersion: string;
  /** Hash of the banner and purpose text the visitor saw ('' when decided through the API alone). */
  textHash: string;
  language: string;
  /** ISO 8601 instants. */
  decidedAt: string;
  expiresAt: string;
  method: ConsentMethod;
  /** One boolean per purpose; only a literal `true` grants. */
  choices: Record<P, boolean>;
  /** Whether a Global Privacy Control signal was present and applied to this decision. */
  gpc: boolean;
}

export type Choices<P extends string = PurposeId> = Partial<Record<P, boolean>>;

/** What the UI adds to a decision it records. */
export interface DecisionContext {
  textHash?: string;
  language?: string;
}

/** Google Consent Mode v2 types, each granted when every listed purpose is granted. */
export type ConsentModeMapping = Record<string, PurposeId[]>;

export type Layout = 'bar' | 'box' | 'modal';
export type Theme = 'light' | 'dark' | 'auto';

/** `P`: the ids of custom purposes (inferred from `purposes`), so `has('chat')` type-checks. */
export interface RazylykConfig<P extends string = PurposeId> {
  /** localStorage key of the record. Default `razylyk:consent`. */
  storageKey?: string;
  /** Version of the policy the visitor agrees to; a change re-asks everyone. Default: hash of the policy documents. */
  policyVersion?: string;
  /** How long a decision (consent or refusal) is kept. Default 182 days (CNIL: 6 months), capped at 395 (13 months). */
  lifetimeDays?: number;
  /** Extra purposes, or settings for the default ones (matched by id). */
  purposes?: PurposeInput<P | DefaultPurposeId>[];
  language?: LanguageTag;
  layout?: Layout;
  theme?: Theme;
  /** Exact origins allowed to talk to this instance over postMessage (iframe mode). */
  allowedOrigins?: string[];
  /** Google Consent Mode v2: true for the default mapping, false to disable, or a mapping of one's own. */
  consentMode?: boolean | ConsentModeMapping;
  /** Where to send each decision with navigator.sendBeacon (the record only). */
  logEndpoint?: string;
  /** Answer navigator.geolocation calls with PERMISSION_DENIED until `location` is granted. Default true. */
  geolocationGuard?: boolean;
  /** Activate `type="text/plain" data-consent` scripts and `data-src` iframes. Default true. */
  gating?: boolean;
  /** Show a floating privacy-settings button once a decision exists. Default false. */
  settingsButton?: boolean;
  /** CSP nonce for activated inline scripts and Lit's style fallback; default: the page's own. */
  nonce?: string;
  /** Log dropped messages and other diagnostics with console.debug. */
  debug?: boolean;
  /** The data controller, shown in the policy reader: `{ name, address?, contact? }` (plain text; contact may be an e-mail or http(s) URL). */
  controller?: { name: string; address?: string; contact?: string };
}

export type Unsubscribe = () => void;
export type ChangeListener<P extends string = PurposeId> = (record: ConsentRecord<P>) => void;

/** The public API of the consent engine; `P`: the page's purpose ids. */
export interface ConsentApi<P extends string = PurposeId> {
  /** The current valid record, or null when the visitor has not decided (or the decision expired). */
  get(): ConsentRecord<P> | null;
  /** Whether a purpose is granted now (`necessary` always is). */
  has(purpose: P): boolean;
  /** Records a decision; purposes not named are denied. */
  set(choices: Choices<P>, context?: DecisionContext): ConsentRecord<P>;
  acceptAll(context?: DecisionContext): ConsentRecord<P>;
  rejectAll(context?: DecisionContext): ConsentRecord<P>;
  /** Clears the record, denies everything, deletes the withdrawn purposes' cookies and keys, asks again. */
  withdraw(context?: DecisionContext): ConsentRecord<P>;
  onChange(listener: ChangeListener<P>): Unsubscribe;
  /**
   * Calls `listener` now if gating holds back an element that shows a placeholder (a gated iframe, or
   * a script in a `data-consent-placeholder` container), and again whenever a check finds one. The UI
   * loads its placeholders through this.
   */
  onBlocked(listener: () => void): Unsubscribe;
  /** True when the banner must ask: no valid decision. */
  needsDecision(): boolean;
  readonly purposes: readonly PurposeDefinition<P>[];
  readonly gpc: boolean;
  readonly config: Readonly<RazylykConfig>;
}

export type RazylykChangeEvent = CustomEvent<ConsentRecord>;

declare global {
  interface WindowEventMap {
    'razylyk-change': CustomEvent<ConsentRecord>;
  }
  interface Window {
    razylykConfig?: RazylykConfig;
    dataLayer?: unknown[];
  }
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
}
