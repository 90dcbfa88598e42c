import { peekRazylyk, type Razylyk } from '../core/instance.js';
import { error } from '../core/log.js';
import type { MountOptions } from '../ui/mount.js';
import { mountOptions } from './config.js';
import { showFallback } from './fallback.js';

/**
 * What the script tag and `startRazylyk()` share: how the page's one instance gets its UI. The first
 * of them to run on a page claims the instance; a second copy (the tag twice, or the tag and the npm
 * build) finds the claim and adds nothing, so there is one loader, one banner, one click listener.
 */
export interface UiModule {
  mountUi(instance: Razylyk, options: MountOptions): unknown;
}
/** Imports the UI module; `retry` is true for the one second attempt after a failure. */
export type ImportUi = (retry: boolean) => Promise<UiModule>;

// Registry-wide symbols, like the instance's own: every copy of razylyk on the page sees the same ones.
const CLAIM = Symbol.for('razylyk.ui-claimed');
const OPEN_LISTENER = Symbol.for('razylyk.open-listener');
type Marked = { [CLAIM]?: true; [OPEN_LISTENER]?: true };

const ignore = () => {};
const reported = new WeakSet<object>();
// Once mounted, the UI listens for [data-razylyk-open] itself (and returns focus to the opener).
const mounted = new WeakSet<Razylyk>();

/** Registers the UI loader on `instance` and loads the UI now if the visitor must decide. Returns false when another copy already did. */
export function connectUi(instance: Razylyk, importUi: ImportUi, overrides: MountOptions = {}): boolean {
  const marked = instance as unknown as Marked;
  if (marked[CLAIM]) return false;
  Object.defineProperty(marked, CLAIM, { value: true });

  const options = { ...mountOptions(instance.config), ...overrides };
  let loading: Promise<void> | undefined;
  let wantsFallback = false;

  // `requested`: the visitor asked for the preferences, so the fallback shows even after a decision.
  const load = (requested: boolean): Promise<void> => {
    wantsFallback ||= requested;
    loading ??= importUi(false)
      .catch(() => importUi(true))
      .then((ui) => ui.mountUi(instance, options))
      .then(
        () => void mounted.add(instance),
        (err: unknown) => {
          loading = undefined;
          const askedByVisitor = wantsFallback;
          wantsFallback = false;
          const fallback = askedByVisitor || instance.needsDecision();
          error(
            `The razylyk UI could not be loaded (network or CSP)${fallback ? '; showing a minimal notice' : ''}.`,
            err,
          );
          if (fallback) showFallback(instance, askedByVisitor);
          if (typeof err === 'object' && err) reported.add(err);
          throw err;
        },
      );
    return loading;
  };

  instance.setUiLoader(() => load(true));
  listenForOpenButtons();
  // A returning visitor with a valid decision loads nothing more, unless the owner wants the settings button.
  if (instance.needsDecision() || options.settingsButton) load(false).catch(ignore);
  // A withdrawal (through the API, or in another tab) asks again.
  instance.onChange(() => {
    if (instance.needsDecision()) load(false).catch(ignore);
  });
  return true;
}

/**
 * `<button data-razylyk-open>` anywhere on the page, now or added later, opens the preferences (loading
 * the UI first; once mounted, the UI handles these clicks itself): one
 * listener on the document, so site owners need no script of their own.
 */
function listenForOpenButtons(): void {
  const marked = document as unknown as Marked;
  if (marked[OPEN_LISTENER]) return;
  Object.defineProperty(marked, OPEN_LISTENER, { value: true });
  document.addEventListener('click', (event) => {
    // composedPath: openers inside a component's shadow root count too.
    const opener = event
      .composedPath()
      .find((node) => node instanceof Element && node.hasAttribute('data-razylyk-open'));
    const instance = peekRazylyk();
    if (!opener || !instance || mounted.has(instance)) return;
    // A link used as the opener (<a href="#" data-razylyk-open>) must not navigate.
    event.preventDefault();
    instance.openPreferences().catch((err: unknown) => {
      // Load failures were reported (and the fallback shown) by the loader.
      if (!reported.has(err as object)) error('The preferences could not be opened.', err);
    });
  });
}
