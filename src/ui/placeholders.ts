/**
 * The placeholders' chunk: loaded by the UI (src/ui/mount.ts) only once gating holds back an element
 * that shows one (src/core/gating.ts, PLACEHOLDER_TARGETS). In place of each gated iframe, and inside
 * each `data-consent-placeholder` container with gated scripts, whose purposes are not all granted, it
 * shows a <razylyk-placeholder>; it removes each one once its elements have loaded (Load once, Allow,
 * the banner, the preferences) or left the page.
 */
import { DONE_ATTRIBUTE, purposesOf } from '../core/gating.js';
import { error } from '../core/log.js';
import { RazylykPlaceholder } from './placeholder.js';
import { defineAll } from './registry.js';
import { instance, uiDefaults } from './dialogs.js';

const TAG = 'razylyk-placeholder' as const;
const OPT_IN = 'data-consent-placeholder';
const HELD_BACK = `iframe[data-consent][data-src]:not([${DONE_ATTRIBUTE}])`;
const HELD_BACK_SCRIPT = `script[type="text/plain"][data-consent]:not([${DONE_ATTRIBUTE}])`;

/** Marks an iframe a placeholder stands in for: it steps aside until it loads. */
const HELD = 'data-consent-held';

/** Each held-back iframe or opted-in container, and the placeholder that stands for it. */
const shown = new Map<Element, RazylykPlaceholder>();
let started = false;
/**
 * A constructed style sheet on the document, not a style attribute or a <style> element: nothing a
 * strict CSP refuses, and no inline style on the page's elements. `!important`: the page's own rules for
 * its iframe (display: block) must not bring it back next to its placeholder.
 */
let sheet: CSSStyleSheet | undefined;
let observer: MutationObserver | undefined;
let stopListening: (() => void) | undefined;

/** Starts (once) showing placeholders, and checks the page now. */
export function showPlaceholders(): void {
  if (!started) {
    started = true;
    const taken = defineAll({ [TAG]: RazylykPlaceholder });
    if (taken.length) {
      error(`The page already defines <${TAG}> with its own element; razylyk's placeholders cannot show.`);
      return;
    }
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(`iframe[${HELD}]{display:none!important}`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      // No constructable style sheets (Safari before 16.4): the iframe stays, empty, beside its placeholder.
    }
    observer = new MutationObserver(update);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    stopListening = instance().onChange(update);
    document.addEventListener('razylyk-placeholder-load', update);
  }
  if (observer) update();
}

/** Tests and SPA teardown: removes every placeholder and stops watching. */
export function stopPlaceholders(): void {
  observer?.disconnect();
  observer = undefined;
  stopListening?.();
  document.removeEventListener('razylyk-placeholder-load', update);
  for (const key of [...shown.keys()]) remove(key);
  if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet);
  sheet = undefined;
  started = false;
}

/** The gated elements `key` holds back: the iframe itself, or the container's scripts. */
function targetsOf(key: Element): Element[] {
  if (key instanceof HTMLIFrameElement) return key.matches(HELD_BACK) ? [key] : [];
  return [...key.querySelectorAll(HELD_BACK_SCRIPT)];
}

function update(): void {
  for (const key of [...shown.keys()]) if (!key.isConnected || !needed(key)) remove(key);
  for (const key of document.querySelectorAll(`${HELD_BACK}, [${OPT_IN}]`)) {
    // A gated script marked itself is its container's business (or nobody's).
    if (key instanceof HTMLScriptElement) continue;
    const purposes = needed(key);
    if (!purposes) continue;
    const placeholder = shown.get(key) ?? add(key);
    placeholder.purposes = purposes;
    placeholder.targets = targetsOf(key);
    placeholder.label = labelOf(key);
  }
}

/** The purposes `key`'s held-back elements need, when some are not granted yet; else undefined. */
function needed(key: Element): string[] | undefined {
  const purposes = [...new Set(targetsOf(key).flatMap(purposesOf))];
  return purposes.some((id) => !instance().has(id)) ? purposes : undefined;
}

/** What is blocked: the operator's text, else the iframe's title. */
function labelOf(key: Element): string {
  const text = key.getAttribute(OPT_IN)?.trim();
  return text || key.getAttribute('title')?.trim() || '';
}

function add(key: Element): RazylykPlaceholder {
  const placeholder = document.createElement(TAG);
  placeholder.setAttribute('theme', uiDefaults.theme);
  if (key instanceof HTMLIFrameElement) {
    // Sized like the iframe (its rendered box, else its attributes), which then steps aside.
    const box = key.getBoundingClientRect();
    placeholder.width = Math.round(box.width) || Number(key.getAttribute('width')) || 300;
    placeholder.height = Math.round(box.height) || Number(key.getAttribute('height')) || 150;
    key.setAttribute(HELD, '');
    key.before(placeholder);
  } else {
    key.prepend(placeholder);
  }
  shown.set(key, placeholder);
  return placeholder;
}

function remove(key: Element): void {
  const placeholder = shown.get(key);
  shown.delete(key);
  if (!placeholder) return;
  const hadFocus = placeholder.matches(':focus-within');
  placeholder.remove();
  key.removeAttribute(HELD);
  // The visitor's focus was on the placeholder's button: it goes to what loaded in its place.
  if (hadFocus && key instanceof HTMLElement && key.isConnected) {
    if (!(key instanceof HTMLIFrameElement) && !key.hasAttribute('tabindex')) key.tabIndex = -1;
    key.focus();
  }
}
