import type { ConsentRecord } from './types.js';

/**
 * What the script tag's first stage (src/embed/razylyk.ts) leaves for the engine that takes over from
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

// Registry-wide, like the instance's symbol: the two stages are separate bundles.
const HANDOVER = Symbol.for('razylyk.handover');
type Holder = { [HANDOVER]?: Handover };

export function offerHandover(handover: Handover): void {
  (window as unknown as Holder)[HANDOVER] = handover;
}

/** The first stage's handover, once: the engine that takes it owns enforcement from then on. */
export function takeHandover(): Handover | undefined {
  const holder = window as unknown as Holder;
  const handover = holder[HANDOVER];
  delete holder[HANDOVER];
  handover?.stop();
  return handover;
}

/** Whether a first stage is waiting for its engine (a second script tag must not start another). */
export const handoverPending = (): boolean => HANDOVER in window;
