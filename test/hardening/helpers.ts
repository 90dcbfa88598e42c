/**
 * Hardening fixtures: real host pages (test/hardening/fixtures) in same-origin iframes, loading the BUILT
 * dist/razylyk.js. test/server/middleware.mjs gives them a fresh CSP nonce per response (`?csp=<profile>`)
 * and injects faults into the lazily loaded UI under /hardening-fault/<fault>/.
 */
import { waitUntil } from '@open-wc/testing';
import type { Razylyk } from '../../src/core/instance.js';
import type { ConsentRecord } from '../../src/core/types.js';

/** What fixtures/record.js collects from the page's first script on. */
interface PageLog {
  errors: string[];
  consoleErrors: string[];
  consoleWarns: string[];
  changes: ConsentRecord[];
  violations: string[];
}

/** What fixtures/leak-record.js records: each request and storage write, in order. */
export interface Traffic {
  kind: 'resource' | 'fetch' | 'xhr' | 'beacon' | 'image' | 'localStorage' | 'sessionStorage' | 'cookie';
  what: string;
  at: number;
}

export type PageWindow = Window &
  typeof globalThis & {
    razylyk?: Razylyk;
    __log: PageLog;
    __ran: string[];
    __xss?: number;
    /** host.html?count */
    __listeners?: () => Record<string, number>;
    __longTasks?: Array<{ start: number; duration: number }>;
    /** leak.html */
    __traffic?: Traffic[];
  };

/** Chromium's non-standard heap size, where the engine has it. */
export function usedHeap(win: Window): number | undefined {
  return (win.performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
}

const frames: HTMLIFrameElement[] = [];
let counter = 0;

/** A storage key no other test (or earlier run in this context) has used. */
export const freshKey = (name: string) => `hardening:${name}:${Date.now().toString(36)}-${++counter}`;

/** Opens a fixture page (`csp.html?csp=strict&key=…`) in an iframe and resolves once it has loaded. */
export async function openPage(path: string, size = { width: 1000, height: 720 }): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.width = String(size.width);
  frame.height = String(size.height);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path.startsWith('/') ? path : `/test/hardening/fixtures/${path}`;
  document.body.append(frame);
  frames.push(frame);
  frame.scrollIntoView();
  await loaded;
  return frame.contentWindow as PageWindow;
}

export function closePages(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's full instance (on a returning visit, loading the engine the first stage defers). */
export async function instanceOf(win: PageWindow): Promise<Razylyk> {
  await waitUntil(() => win.razylyk, 'window.razylyk was not set', { timeout: 8000 });
  return win.razylyk!.ready();
}

/** An element's shadow-root descendant, once rendered. */
export async function shadowPart<T extends Element = HTMLElement>(
  host: () => Element | null | undefined,
  selector: string,
  message = `no ${selector}`,
): Promise<T> {
  await waitUntil(() => host()?.shadowRoot?.querySelector(selector), message, { timeout: 8000 });
  return host()!.shadowRoot!.querySelector<T>(selector)!;
}

/**
 * Whether a person could see the element: laid out with a size, not hidden, not transparent. Entrance
 * animations are finished first: Firefox does not advance them in a throttled (off-screen) test frame,
 * which would otherwise stay at its first keyframe (opacity 0) for good.
 */
export function isShown(el: Element): boolean {
  const win = el.ownerDocument.defaultView!;
  for (const animation of el.getAnimations?.() ?? []) animation.finish();
  const box = el.getBoundingClientRect();
  const style = win.getComputedStyle(el);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
}

/** The banner's "Accept all" button once a person can see it. */
export async function visibleBannerButton(
  win: PageWindow,
  part: 'accept' | 'reject' | 'customize' | 'policy-link',
): Promise<HTMLButtonElement> {
  const banner = () => pageQuery(win, 'razylyk-banner');
  const find = () => banner()?.shadowRoot?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
  await waitUntil(() => find() && isShown(find()!), `the banner shows no visible ${part} button`, {
    timeout: 8000,
  });
  return find()!;
}

/** `win.document.querySelector`, also where markup clobbered that name (<img name="querySelector">). */
export const pageQuery = (win: Window, selector: string): Element | null =>
  (win as typeof window).Document.prototype.querySelector.call(win.document, selector);

/** The fallback notice shown when the UI cannot load, and its two buttons. */
export async function fallbackNotice(win: PageWindow) {
  await waitUntil(() => pageQuery(win, '[data-razylyk-fallback]'), 'no fallback notice', {
    timeout: 8000,
  });
  const root = pageQuery(win, '[data-razylyk-fallback]')!.shadowRoot!;
  const [accept, reject] = Array.from(root.querySelectorAll('button'));
  return { root, accept, reject };
}

/** Every element in the page, through open shadow roots. */
export function deepElements(root: Document | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

export function storedRecord(win: Window, key: string): ConsentRecord | null {
  const raw = win.localStorage.getItem(key);
  return raw === null ? null : (JSON.parse(raw) as ConsentRecord);
}

/** Browser checks, for features only one engine has. */
export const isChromium = () => navigator.userAgent.includes('Chrome/');
export const hasTrustedTypes = (win: Window = window) => 'trustedTypes' in win;

/** waitUntil with a timeout that tolerates two browsers sharing two CPU cores. */
export function waitFor(condition: () => unknown, message?: string, timeout = 5000): Promise<void> {
  return waitUntil(condition, message, { timeout, interval: 20 });
}
