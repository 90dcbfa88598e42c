import type { BridgeState } from '../core/protocol.js';
import { needBrowser, setDebug, warn } from '../core/log.js';
import { grants } from '../core/record.js';
import type { ChangeListener, Choices, ConsentRecord, PurposeId, Unsubscribe } from '../core/types.js';
import { openFrameConnection } from './frame-connection.js';

export interface ConnectOptions {
  /**
   * The consent frame: an iframe element, a CSS selector of one, or the http(s) URL of the consent page
   * (an iframe is then created and appended to `container`).
   */
  frame: HTMLIFrameElement | string;
  /** The exact origin of the consent page, e.g. `https://consent.qiming.example`. Never '*'. */
  origin: string;
  /** Where a created iframe goes. Default: the page body. */
  container?: Element;
  /** Accessible name of a created iframe. */
  title?: string;
  /** How long a command waits for the frame (handshake included), in ms. Default 10 000. */
  timeout?: number;
  /** Log dropped messages with console.debug. */
  debug?: boolean;
}

/** The consent API of a razylyk running in another origin's iframe, mirrored on the host page. */
export interface RazylykFrame {
  readonly frame: HTMLIFrameElement | undefined;
  readonly origin: string;
  /** Resolves on the first handshake: from then on get() and has() reflect the frame's state. */
  readonly ready: Promise<void>;
  /** The language the frame shows, when it has said. */
  readonly language: string | null;
  /** The mirrored record (synchronous); null before the handshake and while the visitor has not decided. */
  get(): ConsentRecord | null;
  has(purpose: PurposeId): boolean;
  needsDecision(): boolean;
  /** Each command resolves with the frame's record once the frame has applied it. */
  set(choices: Choices): Promise<ConsentRecord | null>;
  acceptAll(): Promise<ConsentRecord | null>;
  rejectAll(): Promise<ConsentRecord | null>;
  withdraw(): Promise<ConsentRecord | null>;
  openPreferences(): Promise<void>;
  setLanguage(language: string): Promise<void>;
  /** Called, like the `razylyk-change` event on this window, for each decision made in the frame. */
  onChange(listener: ChangeListener): Unsubscribe;
  /** Stops listening; removes the iframe if this helper created it. */
  destroy(): void;
}

/**
 * Connects the host page to the razylyk of a consent page in an iframe on another origin: handshakes
 * (again after every reload of the frame), mirrors the consent state, re-announces the frame's decisions
 * as `razylyk-change` on this window and forwards commands. Only messages from that frame's window and
 * exact origin are read, and each is validated before anything in it is used.
 */
export function connectRazylykFrame(options: ConnectOptions): RazylykFrame {
  needBrowser('connectRazylykFrame');
  if (options?.debug === true) setDebug(true);
  // The frame's state as last announced, which the handle reads synchronously; the connection itself
  // (handshake, validation, commands) is src/host/frame-connection.ts.
  const listeners = new Set<ChangeListener>();
  let mirror: ConsentRecord | null = null;
  let language: string | null = null;
  const { frame, ready, command, destroy } = openFrameConnection(options, (message, reconnected) => {
    if (message.type === 'change') {
      // The core's convention: a withdrawal is announced with a `withdraw` record and leaves no current record.
      mirror = message.record.method === 'withdraw' ? null : message.record;
      return announce(listeners, message.record);
    }
    const previous = mirror;
    mirror = message.record;
    language = message.language;
    if (reconnected && mirror && mirror.id !== previous?.id) announce(listeners, mirror);
  });
  const record = (state: BridgeState) => state.record;
  return {
    frame,
    origin: options?.origin,
    ready,
    get language() {
      return language;
    },
    get: () => mirror,
    has: (purpose) => grants(mirror, purpose),
    needsDecision: () => mirror === null,
    set: (choices) => command('set', { choices }).then(record),
    acceptAll: () => command('accept-all').then(record),
    rejectAll: () => command('reject-all').then(record),
    withdraw: () => command('withdraw').then(record),
    openPreferences: () => command('open-preferences').then(() => undefined),
    setLanguage: (next) => command('set-language', { language: next }).then(() => undefined),
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    destroy() {
      destroy();
      listeners.clear();
    },
  };
}

/** Tells the listeners, then the page (`razylyk-change` on window), of a decision made in the frame. */
function announce(listeners: Set<ChangeListener>, record: ConsentRecord): void {
  for (const listener of Array.from(listeners)) {
    try {
      listener(record);
    } catch (err) {
      warn('A razylyk change listener threw:', err);
    }
  }
  window.dispatchEvent(new CustomEvent('razylyk-change', { detail: record }));
}
