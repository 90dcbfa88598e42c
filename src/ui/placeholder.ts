import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { activate, DONE_ATTRIBUTE, pageNonce } from '../core/gating.js';
import { error } from '../core/log.js';
import type { PurposeId } from '../core/types.js';
import { LocalizeController } from '../i18n/controller.js';
import type { UiKey } from '../i18n/resources.js';
import type { PlaceholderLoadDetail } from './events.js';
import { placeholderStyles } from './placeholder.styles.js';
import { actions, tokens } from './shared.styles.js';
import { decisionContext, instance } from './dialogs.js';
import type { Theme } from '../core/types.js';

/**
 * @summary Stands in for a gated embed (an iframe, or a marked container's scripts) whose purposes the
 * visitor has not granted: what is blocked, which purposes it needs, and the choice in place. Nothing
 * is fetched from the embed's address before a click.
 *
 * @csspart placeholder - The box.
 * @csspart what - What is blocked (the iframe's title, or the operator's `data-consent-placeholder` text).
 * @csspart purposes - The list of the purposes it needs.
 * @csspart load-once - Loads this element for this page view; the stored decision does not change.
 * @csspart allow - Grants the purposes (a custom decision): every element needing them loads.
 * @csspart settings - Opens the preferences.
 * @cssproperty --razylyk-border - Dashed outline.
 * @fires razylyk-placeholder-load - The visitor loaded the element (`detail.action`: `load-once` or `allow`).
 */
export class RazylykPlaceholder extends LitElement {
  static override styles = [tokens, actions, placeholderStyles];

  private readonly l10n = new LocalizeController(this);

  @property({ reflect: true }) theme: Theme = 'auto';

  /** What is blocked, in the operator's words (empty: a generic text). */
  @property() label = '';

  /** The purposes the held-back elements need. */
  @property({ attribute: false }) purposes: PurposeId[] = [];

  /** The gated elements this placeholder stands for (an iframe, or a container's scripts). */
  @property({ attribute: false }) targets: Element[] = [];

  /** The size of the iframe it stands in for, in CSS pixels (0: as its content needs). */
  @property({ type: Number }) width = 0;
  @property({ type: Number }) height = 0;

  /** This element's size as a constructed sheet of its own: no style attribute, nothing a CSP refuses. */
  private sizeSheet: CSSStyleSheet | undefined;

  private purposeTitle(id: PurposeId): string {
    const purpose = instance().purposes.find((p) => p.id === id);
    return purpose?.title?.[this.l10n.language] ?? this.l10n.t(`purposes.${id}.title` as UiKey);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('width') && !changed.has('height')) return;
    const root = this.renderRoot as ShadowRoot;
    try {
      if (!this.sizeSheet) {
        this.sizeSheet = new CSSStyleSheet();
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sizeSheet];
      }
      const px = (value: number) => (Number.isFinite(value) && value > 0 ? `${Math.round(value)}px` : 'auto');
      this.sizeSheet.replaceSync(`:host{inline-size:${px(this.width)};min-block-size:${px(this.height)}}`);
    } catch {
      // No constructable style sheets: the placeholder takes the size its content needs.
    }
  }

  /** "Load once": these elements only, for this page view; nothing is recorded. */
  private handleLoadOnce(): void {
    const nonce = instance().config.nonce || pageNonce();
    let queue: Promise<void> = Promise.resolve();
    for (const target of this.targets) {
      if (target.hasAttribute(DONE_ATTRIBUTE)) continue;
      // Marked first, as the gate does: its next check must not activate the element a second time.
      target.setAttribute(DONE_ATTRIBUTE, '');
      queue = queue.then(() => activate(target, nonce));
    }
    queue.catch((err: unknown) => error('A gated element could not be loaded.', err));
    this.dispatchEvent(placeholderEvent('load-once'));
  }

  /** "Allow": the named purposes join the visitor's grants, recorded like any other custom decision. */
  private handleAllow(): void {
    const razylyk = instance();
    const choices: Record<string, boolean> = {};
    for (const purpose of razylyk.purposes) choices[purpose.id] = razylyk.has(purpose.id);
    for (const id of this.purposes) choices[id] = true;
    const shown = [this.l10n.t('placeholder.needs'), ...this.purposes.map((id) => this.purposeTitle(id))];
    razylyk.set(choices, decisionContext(shown, this.l10n.language));
    this.dispatchEvent(placeholderEvent('allow'));
  }

  override render() {
    const t = (key: UiKey) => this.l10n.t(key);
    if (!this.l10n.ready) return html``;
    const what = this.label.trim() || t('placeholder.untitled');
    return html`<div
      class="surface box"
      part="placeholder"
      role="group"
      aria-label=${what}
      lang=${this.l10n.language}
      dir=${this.l10n.dir}
    >
      <p class="kicker">${t('placeholder.blocked')}</p>
      <p class="what" part="what">${what}</p>
      <p>${t('placeholder.needs')}</p>
      <ul class="purposes" part="purposes">
        ${this.purposes.map((id) => html`<li data-purpose=${id}>${this.purposeTitle(id)}</li>`)}
      </ul>
      <div class="actions">
        <button
          class="action"
          part="load-once"
          type="button"
          data-action="load-once"
          @click=${this.handleLoadOnce}
        >
          ${t('placeholder.loadOnce')}
        </button>
        <button class="action" part="allow" type="button" data-action="allow" @click=${this.handleAllow}>
          ${t('placeholder.allow')}
        </button>
        <button
          class="link-button"
          part="settings"
          type="button"
          aria-haspopup="dialog"
          data-action="preferences"
          data-razylyk-open
        >
          ${t('placeholder.settings')}
        </button>
      </div>
    </div>`;
  }
}

function placeholderEvent(action: PlaceholderLoadDetail['action']): CustomEvent<PlaceholderLoadDetail> {
  return new CustomEvent('razylyk-placeholder-load', { bubbles: true, composed: true, detail: { action } });
}

declare global {
  interface HTMLElementTagNameMap {
    'razylyk-placeholder': RazylykPlaceholder;
  }
}
