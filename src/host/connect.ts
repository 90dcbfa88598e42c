import {
  PROTOCOL,
  PROTOCOL_VERSION,
  originOf,
  readCommand,
  type BridgeCommand,
  type BridgeState,
} from '../core/bridge.js';
import { createElement, documentRoot, pageBody } from '../core/dom.js';
import { debug, error, needBrowser, setDebug, warn } from '../core/log.js';
import { grants } from '../core/record.js';
import type { ChangeListener, Choices, ConsentRecord, PurposeId, Unsubscribe } from '../core/types.js';
import { readAnnouncement } from './messages.js';

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

const DEFAULT_TIMEOUT_MS = 10_000;
const FIRST_HELLO_DELAY_MS = 50;
const MAX_HELLO_DELAY_MS = 1000;
const SILENCE_WARNING_MS = 10_000;

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

interface Pending {
  resolve(state: BridgeState): void;
  reject(reason: Error): void;
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
  const origin = options?.origin;
  const timeout =
    typeof options?.timeout === 'number' && options.timeout > 0 ? options.timeout : DEFAULT_TIMEOUT_MS;
  const listeners = new Set<ChangeListener>();
  const pending = new Map<string, Pending>();
  const first = deferred();
  let connection = first;
  let connected = false;
  let everConnected = false;
  let destroyed = false;
  let mirror: ConsentRecord | null = null;
  let language: string | null = null;
  let counter = 0;
  let helloTimer: ReturnType<typeof setTimeout> | undefined;
  let helloDelay = FIRST_HELLO_DELAY_MS;
  let silentFor = 0;

  let problem = '';
  // "null" (a sandboxed or file: page) is no URL's origin, so it fails this too.
  if (typeof origin !== 'string' || originOf(origin) !== origin)
    problem = `options.origin must be the exact origin of the consent page (like https://consent.example), not ${JSON.stringify(origin)}`;
  const { iframe, created } = problem ? { iframe: undefined, created: false } : resolveFrame(options);
  if (!problem && !iframe) problem = 'options.frame must be an iframe, a selector of one, or an http(s) URL';
  if (problem) error(`connectRazylykFrame: ${problem}; not connecting.`);
  else if (created && originOf(iframe!.src) !== origin)
    warn(`The consent frame URL ${iframe!.src} is not on options.origin ${origin}; it will never connect.`);

  function post(message: BridgeCommand): void {
    iframe?.contentWindow?.postMessage(message, origin);
  }

  // A frame that is still loading drops our hello (its origin is not yet `origin`): repeat until it answers.
  function hello(): void {
    clearTimeout(helloTimer);
    if (connected || destroyed) return;
    post({ protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'hello' });
    silentFor += helloDelay;
    if (silentFor >= SILENCE_WARNING_MS && silentFor - helloDelay < SILENCE_WARNING_MS)
      warn(`The consent frame at ${origin} does not answer; is ${location.origin} in its allowedOrigins?`);
    helloTimer = setTimeout(hello, helloDelay);
    helloDelay = Math.min(helloDelay * 2, MAX_HELLO_DELAY_MS);
  }

  function handshake(): void {
    helloDelay = FIRST_HELLO_DELAY_MS;
    silentFor = 0;
    hello();
  }

  // A reloaded frame runs a new razylyk that does not know us yet: commands wait for the new handshake.
  function onLoad(): void {
    if (connected) {
      connected = false;
      connection = deferred();
    }
    handshake();
  }

  function notify(record: ConsentRecord): void {
    for (const listener of Array.from(listeners)) {
      try {
        listener(record);
      } catch (err) {
        warn('A razylyk change listener threw:', err);
      }
    }
    window.dispatchEvent(new CustomEvent('razylyk-change', { detail: record }));
  }

  function onMessage(event: MessageEvent): void {
    const frameWindow = iframe?.contentWindow;
    if (!frameWindow || event.source !== frameWindow) return;
    if (event.origin !== origin) return debug(`Ignored a message from the consent frame on ${event.origin}.`);
    const message = readAnnouncement(event.data);
    if (typeof message === 'string') return debug(`Dropped a message from the consent frame: ${message}.`);
    if (message.type === 'change') {
      // The core's convention: a withdrawal is announced with a `withdraw` record and leaves no current record.
      mirror = message.record.method === 'withdraw' ? null : message.record;
      return notify(message.record);
    }
    const previous = mirror;
    mirror = message.record;
    language = message.language;
    if (message.type === 'ready' && !connected) {
      connected = true;
      clearTimeout(helloTimer);
      // The frame may have decided while it reloaded, without us to tell.
      if (everConnected && mirror && mirror.id !== previous?.id) notify(mirror);
      everConnected = true;
      connection.resolve();
    }
    if (message.requestId !== undefined) pending.get(message.requestId)?.resolve(message);
  }

  function command(type: BridgeCommand['type'], field?: Record<string, unknown>): Promise<BridgeState> {
    if (problem) return Promise.reject(new Error(`razylyk: not connected: ${problem}.`));
    if (destroyed) return Promise.reject(new Error('razylyk: the frame connection was destroyed.'));
    const requestId = `r${++counter}`;
    const message = { protocol: PROTOCOL, version: PROTOCOL_VERSION, type, requestId, ...field };
    const invalid = readCommand(message);
    if (typeof invalid === 'string') return Promise.reject(new TypeError(`razylyk: ${type}: ${invalid}.`));
    return new Promise<BridgeState>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(requestId);
        reject(new Error(`razylyk: the consent frame did not answer "${type}" within ${timeout} ms.`));
      }, timeout);
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        pending.delete(requestId);
        fn();
      };
      pending.set(requestId, {
        resolve: (state) => settle(() => resolve(state)),
        reject: (reason) => settle(() => reject(reason)),
      });
      const send = (): unknown =>
        connected ? post(invalid) : connection.promise.then(() => pending.has(requestId) && send());
      send();
    });
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    clearTimeout(helloTimer);
    window.removeEventListener('message', onMessage);
    iframe?.removeEventListener('load', onLoad);
    for (const entry of Array.from(pending.values()))
      entry.reject(new Error('razylyk: the frame connection was destroyed.'));
    listeners.clear();
    if (created) iframe?.remove();
  }

  if (!problem) {
    window.addEventListener('message', onMessage);
    iframe!.addEventListener('load', onLoad);
    if (created) (options.container ?? pageBody()).append(iframe!);
    handshake();
  }

  const record = (state: BridgeState) => state.record;
  return {
    frame: iframe,
    origin,
    ready: first.promise,
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
    destroy,
  };
}

function resolveFrame(options: ConnectOptions): { iframe: HTMLIFrameElement | undefined; created: boolean } {
  const frame = options.frame;
  if (frame instanceof HTMLIFrameElement) return { iframe: frame, created: false };
  if (typeof frame !== 'string') return { iframe: undefined, created: false };
  if (/^https?:\/\//i.test(frame)) {
    const iframe = createElement('iframe');
    iframe.title = options.title ?? 'Privacy choices';
    iframe.src = frame;
    return { iframe, created: true };
  }
  try {
    const found = documentRoot().querySelector(frame);
    return { iframe: found instanceof HTMLIFrameElement ? found : undefined, created: false };
  } catch {
    return { iframe: undefined, created: false }; // not a valid selector
  }
}
