import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { getRazylyk, resetRazylyk, type Razylyk } from '../../src/core/instance.js';
import type { ConsentRecord, RazylykConfig } from '../../src/core/types.js';
import { resetI18nForTesting } from '../../src/i18n/i18n.js';
import { mountUi, unmountUi, type MountOptions } from '../../src/ui/mount.js';
import type { RazylykBanner, RazylykPreferences } from '../../src/ui/define.js';
import '../../src/ui/define.js';

const STORAGE_KEY = 'razylyk:consent';

/** A fresh page: no instance, no stored decision, no razylyk elements, nothing loaded but Turkmen. */
export function resetPage(): void {
  unmountUi();
  resetRazylyk();
  localStorage.clear();
  resetI18nForTesting();
  document.documentElement.removeAttribute('dir');
  for (const dialog of document.querySelectorAll('dialog[open]')) (dialog as HTMLDialogElement).close();
}

export async function mount(
  options: MountOptions = {},
  config: RazylykConfig = {},
): Promise<{ instance: Razylyk; banner: RazylykBanner }> {
  const result = await mountMaybe(options, config);
  if (!result.banner) throw new Error('mountUi showed no banner');
  return { instance: result.instance, banner: result.banner };
}

export async function mountMaybe(
  options: MountOptions = {},
  config: RazylykConfig = {},
): Promise<{ instance: Razylyk; banner: RazylykBanner | null }> {
  const instance = getRazylyk({ consentMode: false, ...config });
  await mountUi(instance, { language: 'tk', ...options });
  const banner = document.querySelector('razylyk-banner');
  await banner?.updateComplete;
  return { instance, banner };
}

export function storedRecord(): ConsentRecord | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as ConsentRecord);
}

/** An element inside a shadow root, failing loudly when the markup changed. */
export function part<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${host.localName}: no ${selector}`);
  return found;
}

export async function preferencesElement(): Promise<RazylykPreferences> {
  // Opening loads the element on first use: give it a moment on a busy machine.
  await until(
    () => document.querySelector('razylyk-preferences') !== null,
    'a <razylyk-preferences> on the page',
  );
  const element = document.querySelector('razylyk-preferences')!;
  await element.updateComplete;
  return element;
}

/**
 * The element with its entrance animations finished, so axe measures the colours a person sees once the
 * fade ends. Firefox does not advance animations in a throttled (off-screen) test frame.
 */
export function settled<T extends Element>(host: T): T {
  for (const animation of host.shadowRoot?.getAnimations() ?? []) animation.finish();
  return host;
}

/** The focused element, looking through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function until(check: () => boolean, what: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Which translated locales exist yet (translators deliver in parallel). */
export async function localeExists(language: string): Promise<boolean> {
  const response = await fetch(`/locales/${language}/ui.json`, { method: 'HEAD' });
  return response.ok;
}

/** Whether `node` is `host` or inside it, crossing any number of shadow roots. */
export function isInside(host: Element, node: Element | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === host) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : current.parentNode;
  }
  return false;
}

/**
 * Gives the page (not the browser's own UI) keyboard focus: a Tab that wrapped out of a modal dialog
 * leaves focus in the browser chrome, where later key presses would go.
 */
export async function focusPage(): Promise<void> {
  window.focus();
  await sendMouse({ type: 'click', position: [2, 2] });
  await resetMouse();
  // Firefox: a Tab out of the last control of a modal dialog moves focus into the browser's own UI, where it
  // stays for the next test file on the same page; Tab cycles back into the document.
  for (let press = 0; press < 8 && !document.hasFocus(); press++) await sendKeys({ press: 'Tab' });
}

/** Identity check that names the elements on failure (chai's inspection of a live element can hang the page). */
export function expectSame(actual: Element | null, expected: Element | null, what = 'element'): void {
  if (actual === expected) return;
  const name = (el: Element | null) =>
    el ? `<${el.localName}${el.id ? `#${el.id}` : ''} ${el.className}>` : 'null';
  throw new Error(`${what}: expected ${name(expected)}, got ${name(actual)}`);
}
