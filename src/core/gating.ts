import { createElement, documentProperty, documentRoot } from './dom.js';
import { debug, warn } from './log.js';
import { isSafeUrl, scriptPolicy } from './trusted.js';

/**
 * Consent gating of page markup:
 *   <script type="text/plain" data-consent="web_beacons" src="…"> or with inline text
 *   <iframe data-consent="location" data-src="…">
 * stay inert until every purpose they name is granted, then run exactly once, in document order,
 * including elements added later. Scripts are recreated (a script element executes only once and only
 * when inserted) with the page's nonce; nothing is evaluated by us.
 */
const SELECTOR = 'script[type="text/plain"][data-consent], iframe[data-consent][data-src]';
export const DONE_ATTRIBUTE = 'data-consent-activated';
/**
 * The held-back elements that show a placeholder in their place (src/ui/placeholders.ts): every gated
 * iframe, and the gated scripts of a container the operator marked.
 */
export const PLACEHOLDER_TARGETS = 'iframe,[data-consent-placeholder] *';

export interface Gate {
  /** Re-checks every gated element against the current grants. */
  update(): void;
  disconnect(): void;
}

/**
 * `declared`: the purposes of the configuration. `blocked`: called with each element a scan holds back,
 * at each scan: one that waits for consent, and one whose data-consent names no purpose, or one nobody
 * declared (the engine tells them apart: placeholders for the first, a warning for the second; the
 * first stage only loads the engine).
 */
export function createGate(
  isGranted: (purpose: string) => boolean,
  nonce: string | undefined,
  declared: readonly string[],
  blocked?: (el: Element) => void,
): Gate {
  let queue: Promise<void> = Promise.resolve();

  // Every purpose named (the selector guarantees the attribute) must be granted. Fails closed: an
  // empty or blank data-consent, or one naming a purpose nobody declared (a typo), never runs.
  const allows = (el: Element) =>
    !!el
      .getAttribute('data-consent')!
      .match(/\S+/g)
      ?.every((purpose) => declared.includes(purpose) && isGranted(purpose));

  function update(): void {
    for (const el of documentRoot().querySelectorAll(SELECTOR)) {
      if (el.hasAttribute(DONE_ATTRIBUTE)) continue;
      if (!allows(el)) {
        // The placeholders' code loads only once something is held back (a hook, not code of its own
        // here: this module is part of the script tag's first stage, whose hook does not filter).
        blocked?.(el);
        continue;
      }
      // Marked now, not when its turn comes: neither this gate's next scan nor a second gate (the
      // engine taking over from the script tag's returning-visitor path) may queue it again.
      el.setAttribute(DONE_ATTRIBUTE, '');
      // A chain keeps document order even when an earlier external script is still loading.
      queue = queue.then(() => activate(el, nonce));
    }
  }

  // The observer already batches a burst (a framework rendering hundreds of nodes) into one call.
  const observer = new MutationObserver(update);
  observer.observe(documentRoot(), { childList: true, subtree: true });
  update();

  return { update, disconnect: () => observer.disconnect() };
}

/** The purposes a gated element names (the selector guarantees the attribute). */
export const purposesOf = (el: Element): string[] => el.getAttribute('data-consent')!.match(/\S+/g) ?? [];

/** Activates one gated element now (the placeholders' "Load once" too: it runs once, for this view). */
export function activate(el: Element, nonce: string | undefined): Promise<void> | void {
  const iframe = el instanceof HTMLIFrameElement;
  const src = el.getAttribute(iframe ? 'data-src' : 'src');
  // An unsafe URL (javascript:, data:) leaves the element inert.
  if (src !== null && !isSafeUrl(src)) return warn('Gated element left inert (unsafe URL):', src);
  // The selector guarantees an iframe's data-src.
  if (iframe) (el as HTMLIFrameElement).src = src!;
  else return runScript(el as HTMLScriptElement, src, nonce);
}

function runScript(
  inert: HTMLScriptElement,
  src: string | null,
  nonce: string | undefined,
): Promise<void> | void {
  const policy = scriptPolicy();
  if (!policy || !inert.parentNode) return;
  const script = createElement('script');
  for (const { name, value } of inert.attributes) {
    if (!['type', 'src', 'nonce', DONE_ATTRIBUTE].includes(name)) script.setAttribute(name, value);
  }
  const type = inert.getAttribute('data-type');
  if (type) script.type = type;
  // An empty nonce is none.
  script.nonce = nonce || inert.nonce;
  return new Promise<void>((resolve) => {
    try {
      if (src) {
        script.async = false;
        // Listeners, not onload/onerror: the author's own onload attribute, copied above, must still run.
        for (const type of ['load', 'error']) script.addEventListener(type, resolve as () => void);
        script.src = policy.createScriptURL(src);
      } else {
        script.text = policy.createScript(inert.text);
      }
      inert.replaceWith(script);
      debug('Activated gated script', script);
      if (!src) resolve();
    } catch (err) {
      warn('Could not run a gated script:', err);
      resolve();
    }
  });
}

/** The nonce the page's own scripts carry (browsers hide it from getAttribute, but not from `.nonce`). */
export const pageNonce = (): string | undefined =>
  (documentProperty('currentScript') as HTMLScriptElement | null)?.nonce ||
  documentRoot().querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
