import type { Razylyk } from '../core/instance.js';
import { VERSION } from '../core/version.js';
import { grants } from '../core/record.js';
import type {
  ChangeListener,
  Choices,
  ConsentRecord,
  DecisionContext,
  DefaultPurposeId,
  LanguageTag,
  PurposeId,
  Unsubscribe,
} from '../core/types.js';

/**
 * `window.razylyk` while the script tag's first stage runs alone: it answers from the stored decision
 * at once, and everything else (a decision, the preferences, a language) waits for the engine, which
 * it loads on first use. Once the engine is there, every call goes to the full instance, and
 * `window.razylyk` is that instance. `await` works on both: `await razylyk.acceptAll()`.
 */
export interface LightRazylyk<P extends string = DefaultPurposeId> {
  readonly version: string;
  readonly gpc: boolean;
  readonly language: LanguageTag | undefined;
  get(): ConsentRecord<P> | null;
  has(purpose: P): boolean;
  needsDecision(): boolean;
  onChange(listener: ChangeListener<P>): Unsubscribe;
  set(choices: Choices<P>, context?: DecisionContext): Promise<ConsentRecord<P>>;
  acceptAll(context?: DecisionContext): Promise<ConsentRecord<P>>;
  rejectAll(context?: DecisionContext): Promise<ConsentRecord<P>>;
  withdraw(context?: DecisionContext): Promise<ConsentRecord<P>>;
  openPreferences(opener?: Element): Promise<void>;
  setLanguage(language: LanguageTag): Promise<void>;
  /** The full instance, loading the engine if need be. */
  ready(): Promise<Razylyk<P>>;
  /** Runs `[method, ...arguments]` commands on the full instance, as queued before razylyk loaded (src/core/queue.ts). */
  push(...commands: unknown[]): Promise<void>;
}

const DEFERRED = [
  'set',
  'acceptAll',
  'rejectAll',
  'withdraw',
  'openPreferences',
  'setLanguage',
  'push',
] as const;

export function createLightInstance(
  record: ConsentRecord | null,
  loadEngine: (withUi?: boolean) => Promise<Razylyk>,
): { light: LightRazylyk; adopt(instance: Razylyk): void } {
  let full: Razylyk | undefined;
  // Listeners registered before the engine came, and their unsubscribe once it has.
  const waiting = new Map<ChangeListener, Unsubscribe | undefined>();
  const light: Record<string, unknown> = {
    version: VERSION,
    gpc: navigator.globalPrivacyControl === true,
    get language() {
      return full?.language;
    },
    get: () => (full ? full.get() : record),
    has: (purpose: PurposeId) => (full ? full.has(purpose) : grants(record, purpose)),
    needsDecision: () => (full ? full.needsDecision() : !record),
    onChange(listener: ChangeListener) {
      if (full) return full.onChange(listener);
      waiting.set(listener, undefined);
      return () => {
        waiting.get(listener)?.();
        waiting.delete(listener);
      };
    },
    ready: loadEngine,
  };
  for (const name of DEFERRED)
    light[name] = (...args: unknown[]) =>
      // The preferences need the UI too: both are fetched at once, not one after the other.
      loadEngine(name === 'openPreferences').then((instance) =>
        (instance[name] as (...a: unknown[]) => unknown)(...args),
      );

  function adopt(instance: Razylyk): void {
    full = instance;
    for (const listener of waiting.keys()) waiting.set(listener, instance.onChange(listener));
    // window.razylyk: whoever starts the engine (engine.ts, startRazylyk) publishes the full instance.
  }
  return { light: light as unknown as LightRazylyk, adopt };
}
