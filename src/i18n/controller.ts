import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { detectLanguage } from './detect.js';
import {
  currentLanguage,
  ensureLanguage,
  isSettled,
  lookUp,
  onLocaleChange,
  type Translate,
} from './i18n.js';
import { directionOf, matchLanguage, type LanguageCode, type TextDirection } from './languages.js';
import type { UiKey } from './resources.js';

/**
 * Gives an element its language and strings, and re-renders it whenever the page switches language
 * or a locale finishes loading. An author's `lang` attribute on the element pins it to that language
 * (a privacy page may show `<razylyk-policy lang="en">` whatever the banner speaks).
 */
export class LocalizeController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  /** `translate` is i18next's for elements that interpolate (./i18next.ts), a plain look-up otherwise. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly translate: Translate = lookUp,
  ) {
    host.addController(this);
  }

  /** The language this element shows: its own `lang`, else the page's choice, else detection. */
  get language(): LanguageCode {
    return (
      matchLanguage(this.host.getAttribute('lang')) ??
      currentLanguage() ??
      detectLanguage({ element: this.host.parentElement ?? this.host })
    );
  }

  get dir(): TextDirection {
    return directionOf(this.language);
  }

  /** False while the language's strings are still loading (elements render nothing rather than flash Turkmen). */
  get ready(): boolean {
    return isSettled(this.language);
  }

  hostConnected(): void {
    this.unsubscribe = onLocaleChange(() => this.host.requestUpdate());
  }

  hostUpdate(): void {
    if (!this.ready) void ensureLanguage(this.language);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Call from render() only, so a language switch re-translates. */
  t(key: UiKey, values?: Record<string, string>): string {
    return this.translate(this.language, key, values);
  }
}
