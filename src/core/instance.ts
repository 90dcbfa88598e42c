import { createConsent, type ConsentController } from './controller.js';
import { startBridge } from './bridge.js';
import { takeHandover } from './handover.js';
import { warn } from './log.js';
import { runCommands } from './queue.js';
import type {
  ConsentApi,
  DefaultPurposeId,
  Language,
  LanguageTag,
  PurposeId,
  RazylykConfig,
} from './types.js';

/** What the lazily loaded UI registers once it is on the page. */
export interface UiHooks {
  openPreferences(): void | Promise<void>;
  setLanguage(language: LanguageTag): void | Promise<void>;
}

/**
 * The page's one razylyk: the consent API plus the UI entry points (`window.razylyk`). `P`: the page's
 * purpose ids (the public entry points give `DefaultPurposeId` plus the custom ones configured).
 * The hooks marked internal are how the loaders and the UI join the instance: they are left out of
 * the published declarations (`stripInternal`).
 */
export interface Razylyk<P extends string = PurposeId> extends ConsentApi<P> {
  readonly version: string;
  /**
   * The language the visitor reads: a shipped one once the UI has resolved it; before that, what
   * `setLanguage()` asked for (undefined until either).
   */
  readonly language: LanguageTag | undefined;
  openPreferences(): Promise<void>;
  setLanguage(language: LanguageTag): Promise<void>;
  /** @internal Used by the UI layer: registers itself once loaded. */
  attachUi(hooks: UiHooks): void;
  /** @internal Used by the loaders: how to fetch the UI when it is first needed. */
  setUiLoader(load: () => Promise<unknown>): void;
  /** @internal Used by the UI layer when the visitor or the page switches language. */
  noteLanguage(language: Language): void;
  destroy(): void;
  /** The full instance: this one. (The script tag's light first-stage `window.razylyk` loads it.) */
  ready(): Promise<Razylyk<P>>;
  /** Runs `[method, ...arguments]` commands, as queued before razylyk loaded (src/core/queue.ts). */
  push(...commands: unknown[]): void;
}

/** The instance as the public entry points type it: the default purposes plus the custom ones, `P`. */
export type PageRazylyk<P extends string = never> = Razylyk<DefaultPurposeId | P>;

export const VERSION = '0.1.0';
// A registry-wide symbol: the script tag and the npm build on one page find the same instance.
const INSTANCE = Symbol.for('razylyk.instance');
type Holder = { [INSTANCE]?: Razylyk };

/** The existing instance, if any: used by elements that must not create one with the wrong config. */
export function peekRazylyk(): Razylyk | undefined {
  return (window as unknown as Holder)[INSTANCE];
}

/** Returns the page's instance, creating it with `config` on first call (later configs are ignored with a warning). */
export function getRazylyk(config: RazylykConfig = {}): Razylyk {
  const holder = window as unknown as Holder;
  const existing = holder[INSTANCE];
  if (existing) {
    if (Object.keys(config).length && !sameOptions(existing.config, config))
      warn('razylyk is already running; the second configuration is ignored.');
    return existing;
  }
  // The script tag's first stage may be enforcing a stored decision already: this instance takes over.
  const handover = takeHandover();
  const instance = createInstance(createConsent(config, handover));
  Object.defineProperty(holder, INSTANCE, { value: instance, configurable: true });
  handover?.adopt(instance);
  return instance;
}

/** The running instance keeps its own copy of the configuration: the same options are no second configuration. */
function sameOptions(running: object, config: object): boolean {
  const keys = Object.keys(config);
  return (
    keys.length === Object.keys(running).length &&
    keys.every((key) =>
      sameValue((running as Record<string, unknown>)[key], (config as Record<string, unknown>)[key]),
    )
  );
}

/** Equal, or arrays of the same items (the running copy of a list is a copy). */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]));

/** Forgets the page's instance (tests and SPA teardown). */
export function resetRazylyk(): void {
  const holder = window as unknown as Holder;
  holder[INSTANCE]?.destroy();
  delete holder[INSTANCE];
}

function createInstance(consent: ConsentController): Razylyk {
  let ui: UiHooks | undefined;
  let loadUi: (() => Promise<unknown>) | undefined;
  let loading: Promise<unknown> | undefined;
  let language: LanguageTag | undefined;

  async function ensureUi(): Promise<UiHooks | undefined> {
    if (ui) return ui;
    if (!loadUi) {
      warn('No razylyk UI: import "razylyk" or use the script tag.');
      return undefined;
    }
    loading ??= loadUi().catch((err) => {
      loading = undefined;
      throw err;
    });
    await loading;
    return ui;
  }

  const { destroy, ...api } = consent;
  const instance: Razylyk = {
    ...api,
    version: VERSION,
    get language() {
      return language;
    },
    async openPreferences() {
      await (await ensureUi())?.openPreferences();
    },
    async setLanguage(next: LanguageTag) {
      language = next;
      await ui?.setLanguage(next);
    },
    attachUi(hooks: UiHooks) {
      ui = hooks;
    },
    setUiLoader(load: () => Promise<unknown>) {
      loadUi = load;
    },
    noteLanguage(next: Language) {
      language = next;
    },
    destroy() {
      stopBridge();
      destroy();
    },
    ready: () => Promise.resolve(instance),
    push: (...commands: unknown[]) => runCommands(instance, commands),
  };
  const stopBridge = startBridge(instance);
  return instance;
}
