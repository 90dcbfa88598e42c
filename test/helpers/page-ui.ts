/**
 * razylyk as a person sees it in a page loaded into a same-origin frame (a built fixture page): the
 * banner's buttons, the fallback notice, elements inside shadow roots.
 */
import { waitFor } from './wait.js';

/** `win.document.querySelector`, also where markup clobbered that name (<img name="querySelector">). */
export const pageQuery = (win: Window, selector: string): Element | null =>
  (win as typeof window).Document.prototype.querySelector.call(win.document, selector);

/** An element's shadow-root descendant, once rendered. */
export async function shadowPart<T extends Element = HTMLElement>(
  host: () => Element | null | undefined,
  selector: string,
  message = `no ${selector}`,
): Promise<T> {
  await waitFor(() => host()?.shadowRoot?.querySelector(selector), message, 8000);
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

/** One of the banner's buttons, once a person can see it. */
export async function visibleBannerButton(
  win: Window,
  part: 'accept' | 'reject' | 'customize' | 'policy-link',
): Promise<HTMLButtonElement> {
  const banner = () => pageQuery(win, 'razylyk-banner');
  const find = () => banner()?.shadowRoot?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
  await waitFor(() => find() && isShown(find()!), `the banner shows no visible ${part} button`, 8000);
  return find()!;
}

/** The fallback notice shown when the UI cannot load, and its two buttons. */
export async function fallbackNotice(win: Window) {
  await waitFor(() => pageQuery(win, '[data-razylyk-fallback]'), 'no fallback notice', 8000);
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
