/**
 * Hardening fixtures: real host pages (test/hardening/fixtures) in same-origin iframes, loading the BUILT
 * dist/razylyk.js. test/server/middleware.mjs gives them a fresh CSP nonce per response (`?csp=<profile>`)
 * and injects faults into the lazily loaded UI under /hardening-fault/<fault>/.
 */
import type { Razylyk } from '../../src/core/instance.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { openFrame } from '../helpers/frames.js';
import { waitFor } from '../helpers/wait.js';

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

/** Opens a fixture page (`csp.html?csp=strict&key=…`) in an iframe and resolves once it has loaded. */
export async function openPage(path: string, size = { width: 1000, height: 720 }): Promise<PageWindow> {
  const src = path.startsWith('/') ? path : `/test/hardening/fixtures/${path}`;
  const frame = await openFrame(src, { ...size, scrollIntoView: true });
  return frame.contentWindow as PageWindow;
}

/** The page's full instance (on a returning visit, loading the engine the first stage defers). */
export async function instanceOf(win: PageWindow): Promise<Razylyk> {
  await waitFor(() => win.razylyk, 'window.razylyk was not set', 8000);
  return win.razylyk!.ready();
}

/** Browser checks, for features only one engine has. */
export const isChromium = () => navigator.userAgent.includes('Chrome/');
export const hasTrustedTypes = (win: Window = window) => 'trustedTypes' in win;
