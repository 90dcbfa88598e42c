import { hashText } from '../core/hash.js';
import { chooseLanguage } from '../i18n/detect.js';
import { createElement, documentRoot, pageBody } from '../core/dom.js';
import type { Razylyk } from '../core/instance.js';

/**
 * The notice shown when the UI cannot be loaded (network failure, a CSP that blocks the UI chunk):
 * the visitor can still decide, with equal-weight "Accept all" and "Reject all" buttons, and gated
 * scripts stay blocked until they do. Plain DOM and textContent only, in a shadow root so the host
 * page's CSS neither hides nor restyles it, and constructable style sheets, which a strict
 * `style-src` does not block.
 */
interface Texts {
  title: string;
  text: string;
  acceptAll: string;
  rejectAll: string;
}

/**
 * @internal Exported for the test that keeps them in sync. Turkmen is the operator's source text
 * (locales/tk/ui.json, banner.*).
 */
export const FALLBACK_TEXTS: Record<'tk' | 'en', Texts> = {
  tk: {
    title: 'Gizlinligiňiz biz üçin möhüm',
    text: 'Gutapjyklary, web maýaklaryny, ýerleşiş maglumatlaryny we şahsylaşdyrylan mahabaty diňe siziň razylygyňyz bilen ulanýarys. Saýlawyňyzy islendik wagt üýtgedip bilersiňiz.',
    acceptAll: 'Hemmesini kabul et',
    rejectAll: 'Hemmesini ret et',
  },
  en: {
    title: 'Your privacy matters to us',
    text: 'We use cookies, web beacons, location data and personalised advertising only with your consent. You can change your choice at any time.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
  },
};

const STYLES =
  ':host{all:initial}' +
  'section{position:fixed;inset:auto 1rem 1rem;z-index:2147483647;max-width:40rem;width:auto;height:auto;' +
  'max-height:calc(100% - 2rem);overflow:auto;overflow-wrap:anywhere;margin:auto;padding:1rem;' +
  'border:2px solid;border-radius:.5rem;background:#fff;color:#1b1b1b;font:1rem/1.5 system-ui,sans-serif;' +
  'box-shadow:0 .25rem 1rem #0000004d}' +
  'h2{margin:0 0 .5rem;font-size:1.125rem}p{margin:0 0 1rem}div{display:flex;flex-wrap:wrap;gap:.5rem}' +
  'button{flex:1 1 10rem;min-height:2.75rem;padding:.5rem 1rem;border:2px solid;border-radius:.375rem;' +
  'background:#fff;color:inherit;font:inherit;font-weight:600;cursor:pointer}' +
  'button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}';

/** @internal The notice's marker attribute; exported for the tests that find the notice. */
export const FALLBACK_ATTRIBUTE = 'data-razylyk-fallback';

/** The language the UI would show when the notice has its text, else English. */
function fallbackLanguage(instance: Razylyk): 'tk' | 'en' {
  return chooseLanguage(instance.language ?? instance.config.language) === 'tk' ? 'tk' : 'en';
}

/** Shows the notice (once), and removes it when the visitor has decided, here or in another tab. */
export function showFallback(instance: Razylyk, focus = false): HTMLElement {
  const existing = documentRoot().querySelector<HTMLElement>(`[${FALLBACK_ATTRIBUTE}]`);
  if (existing) return existing;
  const language = fallbackLanguage(instance);
  const texts = FALLBACK_TEXTS[language];
  const [host, section, title, text, actions, accept, reject] = (
    ['div', 'section', 'h2', 'p', 'div', 'button', 'button'] as const
  ).map((tag) => createElement(tag));
  host.setAttribute(FALLBACK_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  section.lang = language;
  section.setAttribute('aria-labelledby', (title.id = 'title'));
  title.textContent = texts.title;
  text.textContent = texts.text;
  accept.textContent = texts.acceptAll;
  reject.textContent = texts.rejectAll;
  actions.append(accept, reject);
  section.append(title, text, actions);
  root.append(section);

  // The fingerprint of what this visitor was shown, as the full banner records its own.
  const context = { language, textHash: hashText(Object.values(texts).join('\n')) };
  const remove = () => {
    unsubscribe();
    host.remove();
  };
  const unsubscribe = instance.onChange(() => {
    if (!instance.needsDecision()) remove();
  });
  const decide = (button: HTMLElement, method: 'acceptAll' | 'rejectAll') => {
    (button as HTMLButtonElement).type = 'button';
    button.addEventListener('click', () => {
      instance[method](context);
      remove();
    });
  };
  decide(accept, 'acceptAll');
  decide(reject, 'rejectAll');

  pageBody().append(host);
  // In the top layer, like the banner: no transform, filter or z-index of the page can hide it.
  section.popover = 'manual';
  section.showPopover?.();
  if (focus) accept.focus();
  return host;
}

function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Older engines: a <style> element (a strict style-src may block it; the notice then stays usable, unstyled).
    const style = createElement('style');
    style.textContent = STYLES;
    root.append(style);
  }
}
