/**
 * razylyk/react: the consent record as React state, safe in server-rendered apps (Next.js App Router,
 * Remix, Vite SSR). React is an optional peer dependency: only this entry imports it.
 *
 *   'use client';
 *   import { useConsent } from 'razylyk/react';
 *   const config = { language: 'en' };
 *   export function Analytics() {
 *     const { record } = useConsent(config);
 *     return record?.choices.web_beacons ? <Script src="/analytics.js" /> : null;
 *   }
 *
 * On the server, and while the page hydrates, the state is "undecided" (`record` and `razylyk` are
 * null): the stored decision lives in the visitor's browser only. razylyk starts when the first
 * component using the hook mounts, once per page however many components use it (and however often
 * StrictMode mounts them).
 */
import { useRef, useSyncExternalStore } from 'react';
import { peekRazylyk, type PageRazylyk, type Razylyk } from '../core/instance.js';
import type { ConsentRecord, DefaultPurposeId, RazylykConfig } from '../core/types.js';
import { startRazylyk } from '../index.js';
import type { MountOptions } from '../core/page-contract.js';
import './jsx.js';

/** `P`: the ids of the page's custom purposes (none by default). */
export interface ConsentState<P extends string = never> {
  /** The visitor's decision; null until they decide, on the server and during hydration. */
  readonly record: ConsentRecord<DefaultPurposeId | P> | null;
  /** The page's instance (`acceptAll()`, `withdraw()`, `openPreferences()`…); null on the server and during hydration. */
  readonly razylyk: PageRazylyk<P> | null;
}

const UNDECIDED: ConsentState<string> = Object.freeze({ record: null, razylyk: null });
let last: ConsentState<string> = UNDECIDED;

/** The same object for as long as the instance and its record stay the same, as useSyncExternalStore needs. */
function snapshot(): ConsentState<string> {
  const razylyk = (peekRazylyk() ?? null) as PageRazylyk<string> | null;
  const record = razylyk?.get() ?? null;
  if (last.razylyk !== razylyk || last.record !== record) last = Object.freeze({ razylyk, record });
  return last;
}

const serverSnapshot = (): ConsentState<string> => UNDECIDED;

/**
 * The visitor's decision as state: the component re-renders when it changes (here, in another tab, or
 * through the API). The first call on a page starts razylyk with `config` and `options` (as
 * `startRazylyk()` does: the banner shows when the visitor has not decided); later calls, and later
 * renders, share that instance, so `config` need not be a stable object.
 */
export function useConsent<P extends string = never>(
  config?: RazylykConfig<P>,
  options?: MountOptions,
): ConsentState<P> {
  // The arguments of the first render: an inline object literal must not restart or re-warn on every render.
  const start = useRef<[RazylykConfig<P> | undefined, MountOptions | undefined]>([config, options]);
  const subscribe = useRef((onChange: () => void) =>
    startRazylyk(...start.current).onChange(onChange),
  ).current;
  // The instance's purposes are the defaults and the configured ones: P's.
  return useSyncExternalStore(subscribe, snapshot, serverSnapshot) as unknown as ConsentState<P>;
}

export type { ConsentRecord, Razylyk, RazylykConfig, MountOptions };
export type { RazylykJsxProps } from './jsx.js';
