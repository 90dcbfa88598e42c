import type { Razylyk } from './instance.js';
import type { ScriptPolicy } from './trusted.js';
import type { ConsentRecord, Language, LanguageTag, Layout, Theme } from './types.js';

/**
 * The page contract: everything razylyk's separately built parts share on one page, in one object at
 * `window[Symbol.for('razylyk.contract.1')]`. The script tag's first stage (dist/razylyk.js), its
 * engine (dist/cdn/engine.js), its UI (dist/cdn/ui.js) and the npm build are separate bundles with
 * separate module state; this object is the only state they share, and none of it is public API.
 *
 * Versioned by its key: parts built against another version of the contract use another object, so
 * two razylyk releases on one page never misread each other. Raise the version in CONTRACT_KEY
 * whenever a field changes meaning.
 */
/** @internal Exported for the tests that read a page's contract. */
export const CONTRACT_KEY = 'razylyk.contract.1';

export interface PageContract {
  /** The page's one full instance (the engine's), once created. */
  instance?: Razylyk;
  /** How the loaders and the UI join that instance: kept off `window.razylyk`. */
  wiring?: UiWiring;
  /** What the script tag's first stage leaves for the engine that takes over from it. */
  handover?: Handover;
  /** The Trusted Types policy, created once per page (null: the page's CSP forbids it). */
  policy?: ScriptPolicy | null;
  /** Whether the geolocation wrapper is installed, and whom it asks: the live part's grant check. */
  geolocation?: () => boolean;
  /** The page-wide `[data-razylyk-open]` click listener is registered. */
  openers?: true;
  /** The instance whose UI loading a part has claimed (one loader, one banner). */
  uiClaimed?: object;
  /** Load failures already reported to the console: nobody reports them twice. */
  reported?: WeakSet<object>;
  /** The element classes razylyk defined: a page's own element of the same name is told apart. */
  elements?: WeakSet<CustomElementConstructor>;
}

/**
 * What the script tag's first stage (src/embed/first-stage.ts) leaves for the engine that takes over from
 * it, whichever build that engine comes from (dist/cdn/engine.js, or the npm build on the same page).
 */
export interface Handover {
  /** The stored decision the first stage found valid (null: none). */
  record: ConsentRecord | null;
  /**
   * That decision if it enforced it, else null. Not when the configuration is the engine's alone (custom
   * purposes may make the engine ask again): then it only guarded and pushed the Consent Mode default.
   */
  enforced: ConsentRecord | null;
  /** Whether it already pushed the Consent Mode default (and the update for `record`). */
  pushed: boolean;
  /** Stops its enforcement (gating, geolocation guard) so that the engine's alone is in force. */
  stop(): void;
  /** Hands the page's full instance to whoever holds the first stage's light `window.razylyk`. */
  adopt(instance: unknown): void;
}

/** What the lazily loaded UI registers once it is on the page. */
export interface UiHooks {
  openPreferences(opener?: Element): void | Promise<void>;
  setLanguage(language: LanguageTag): void | Promise<void>;
}

/** The instance's side for the loaders and the UI. */
interface UiWiring {
  /** The UI registers itself once loaded. */
  attachUi(hooks: UiHooks): void;
  /** A loader says how to fetch the UI when it is first needed. */
  setUiLoader(load: () => Promise<unknown>): void;
  /** The UI says which language it shows (the visitor or the page switched). */
  noteLanguage(language: Language): void;
}

/** Options the loaders pass to the UI (from data- attributes or config). */
export interface MountOptions {
  language?: LanguageTag;
  layout?: Layout;
  theme?: Theme;
  settingsButton?: boolean;
}

/** The UI module (dist/cdn/ui.js, or src/ui/mount.ts in the npm build), as the loaders import it. */
export interface UiModule {
  mountUi(instance: Razylyk, options: MountOptions): void | Promise<void>;
}

const KEY = Symbol.for(CONTRACT_KEY);

/** This page's contract, created by whichever part runs first. */
export const pageContract = (): PageContract => ((window as unknown as { [KEY]?: PageContract })[KEY] ??= {});
