import { createConsent, type ConsentController } from './consent.js';
import { startBridge } from './bridge.js';
import { warn } from './log.js';
import { pageContract, type PageContract, type UiHooks } from './page-contract.js';
import { runCommands } from './queue.js';
import { VERSION } from './version.js';
import type { ConsentApi, DefaultPurposeId, LanguageTag, PurposeId, RazylykConfig } from './types.js';

/**
 * The page's one razylyk: the consent API plus the UI entry points (`window.razylyk`). `P`: the page's
 * purpose ids (the public entry points give `DefaultPurposeId` plus the custom ones configured).
 * How the loaders and the UI join it is not here: that is the page contract's `wiring`.
 */
export interface Razylyk<P extends string = PurposeId> extends ConsentApi<P> {
  readonly version: string;
  /**
   * The language the visitor reads: a shipped one once the UI has resolved it; before that, what
   * `setLanguage()` asked for (undefined until either).
   */
  readonly language: LanguageTag | undefined;
  /** Opens the preferences; `opener`: where focus returns when they close (default: what had focus). */
  openPreferences(opener?: Element): Promise<void>;
  setLanguage(language: LanguageTag): Promise<void>;
  destroy(): void;
  /** The full instance: this one. (The script tag's light first-stage `window.razylyk` loads it.) */
  ready(): Promise<Razylyk<P>>;
  /** Runs `[method, ...arguments]` commands, as queued before razylyk loaded (src/core/queue.ts). */
  push(...commands: unknown[]): void;
}

/** The instance as the public entry points type it: the default purposes plus the custom ones, `P`. */
export type PageRazylyk<P extends string = never> = Razylyk<DefaultPurposeId | P>;

export { VERSION };

/** The existing instance, if any: used by elements that must not create one with the wrong config. */
export const peekRazylyk = (): Razylyk | undefined => pageContract().instance;

/** Returns the page's instance, creating it with `config` on first call (later configs are ignored with a warning). */
export function getRazylyk(config: RazylykConfig = {}): Razylyk {
  const contract = pageContract();
  const existing = contract.instance;
  if (existing) {
    if (Object.keys(config).length && !sameOptions(existing.config, config))
      warn('razylyk is already running; the second configuration is ignored.');
    return existing;
  }
  // The script tag's first stage may be enforcing a stored decision already: this instance takes over.
  const handover = contract.handover;
  delete contract.handover;
  handover?.stop();
  const instance = createInstance(createConsent(config, handover), contract);
  contract.instance = instance;
  handover?.adopt(instance);
  return instance;
}

/**
 * The running instance keeps its own checked copy of the configuration (lists, the Consent Mode mapping
 * and the controller's facts are copies): the same options are no second configuration.
 */
function sameOptions(running: object, config: object): boolean {
  const keys = Object.keys(config);
  return (
    keys.length === Object.keys(running).length &&
    keys.every((key) =>
      sameValue((running as Record<string, unknown>)[key], (config as Record<string, unknown>)[key]),
    )
  );
}

/** Equal, or objects (lists too) with equal items. */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (!!a && !!b && typeof a === 'object' && typeof b === 'object' && sameOptions(a, b));

/** Forgets the page's instance (tests and SPA teardown). */
export function resetRazylyk(): void {
  const contract = pageContract();
  contract.instance?.destroy();
  delete contract.instance;
  delete contract.wiring;
}

function createInstance(consent: ConsentController, contract: PageContract): Razylyk {
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
    async openPreferences(opener?: Element) {
      await (await ensureUi())?.openPreferences(opener);
    },
    async setLanguage(next: LanguageTag) {
      language = next;
      await ui?.setLanguage(next);
    },
    destroy() {
      stopBridge();
      destroy();
    },
    ready: () => Promise.resolve(instance),
    push: (...commands: unknown[]) => runCommands(instance, commands),
  };
  contract.wiring = {
    attachUi: (hooks) => void (ui = hooks),
    setUiLoader: (load) => void (loadUi = load),
    noteLanguage: (next) => void (language = next),
  };
  const stopBridge = startBridge(instance);
  return instance;
}
