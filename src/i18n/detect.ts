import { documentRoot } from '../core/dom.js';
import { DEFAULT_LANGUAGE, matchLanguage, type LanguageCode } from './languages.js';

export interface DetectionInput {
  /** From config, MountOptions or an element attribute: wins when it names a shipped language. */
  explicit?: string | null;
  /** The element whose own `lang` or nearest `[lang]` ancestor is consulted next. */
  element?: Element | null;
  /** Defaults to `navigator.languages`. */
  navigatorLanguages?: readonly string[];
}

/**
 * Picks the language to show: explicit choice, then the markup around the element, then the page,
 * then the browser's preferences, then Turkmen (the operator's source text).
 */
export function detectLanguage(input: DetectionInput = {}): LanguageCode {
  return chooseLanguage(input.explicit, closestLang(input.element), input.navigatorLanguages);
}

/**
 * The rule itself, for callers that know no element (the script tag's engine preloading the visitor's
 * strings, the fallback notice): `explicit`, then `near` (the lang around an element), the page's, the
 * browser's, then Turkmen.
 */
export function chooseLanguage(
  explicit?: string | null,
  near?: string | null,
  browser: readonly string[] = navigatorLanguages(),
): LanguageCode {
  for (const tag of [explicit, near, documentRoot().getAttribute('lang'), ...browser]) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

/** The nearest `lang` attribute, crossing shadow roots (an element inside our own shadow DOM asks its host's page). */
function closestLang(element: Element | null | undefined): string | null {
  let node: Element | null | undefined = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found && found !== documentRoot()) return found.getAttribute('lang');
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

function navigatorLanguages(): readonly string[] {
  try {
    return navigator.languages?.length ? navigator.languages : [navigator.language];
  } catch {
    return [];
  }
}
