import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Layout, Theme } from '../core/types.js';
import { LocalizeController } from '../i18n/controller.js';
import type { UiKey } from '../i18n/resources.js';
import { bannerStyles } from './banner.styles.js';
import { actions, dialog, tokens } from './shared.styles.js';
import {
  decisionContext,
  instance,
  loadDialogs,
  openPolicyFrom,
  openPreferences,
  openPreferencesFrom,
} from './dialogs.js';
import './language-select.js';

const LAYOUTS: readonly Layout[] = ['bar', 'box', 'modal'];

/**
 * @summary The first layer: what is asked, a link to the full policy, and three choices of equal weight
 * (Accept all, Reject all, Customize). It shows only while the visitor has not decided; closing or
 * ignoring it grants nothing.
 *
 * Layouts: `bar` (bottom bar) and `box` (corner box) are non-modal regions that overlay the page without
 * moving it; `modal` is a native modal `<dialog>` (Escape turns it into a bar, still undecided). All three
 * render in the browser's top layer (`popover="manual"`, `showModal()`): no transform, filter,
 * `contain`, overflow or z-index of the page can move, clip or cover them.
 *
 * @csspart banner - The region or dialog.
 * @csspart title - The heading.
 * @csspart text - The explanation.
 * @csspart gpc-notice - Shown when the browser sends Global Privacy Control.
 * @csspart policy-link - Opens the full policy.
 * @csspart actions - The row of three choices.
 * @csspart accept - Accept all.
 * @csspart reject - Reject all.
 * @csspart customize - Opens the preferences.
 * @csspart language-select - The language `<select>` (the `select` part of its `<razylyk-language-select>`).
 * @csspart language-label - The language select's label (its `label` part).
 * @cssproperty --razylyk-bg - Background (dark theme: `--razylyk-dark-bg`; likewise for each colour token).
 * @cssproperty --razylyk-fg - Text colour.
 * @cssproperty --razylyk-muted - Secondary text.
 * @cssproperty --razylyk-border - Borders.
 * @cssproperty --razylyk-accent - Button background.
 * @cssproperty --razylyk-accent-fg - Button text.
 * @cssproperty --razylyk-link - Link colour.
 * @cssproperty --razylyk-focus - Focus ring.
 * @cssproperty --razylyk-notice-bg - GPC notice background.
 * @cssproperty --razylyk-notice-fg - GPC notice text.
 * @cssproperty --razylyk-radius - Corner radius.
 * @cssproperty --razylyk-font - Font family.
 * @cssproperty --razylyk-shadow - Box shadow.
 * @cssproperty --razylyk-z-index - Stacking order of the bar and box where the browser has no popover (top layer).
 */
export class RazylykBanner extends LitElement {
  static override styles = [tokens, actions, dialog, bannerStyles];

  private readonly l10n = new LocalizeController(this);

  @property({ reflect: true }) layout: Layout = 'bar';
  @property({ reflect: true }) theme: Theme = 'auto';

  @state() private undecided = false;
  /** A modal closed with Escape stays on screen as a bar: dismissing is not deciding. */
  @state() private dismissedModal = false;

  @query('dialog') private dialogElement?: HTMLDialogElement;
  @query('[popover]') private popoverElement?: HTMLElement;

  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back after the page removed it: the top layer is left on removal and must be entered again.
    this.requestUpdate();
    this.undecided = instance().needsDecision();
    this.unsubscribe = instance().onChange(() => {
      this.undecided = instance().needsDecision();
      if (this.undecided) this.dismissedModal = false;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override updated(_changed: PropertyValues<this>): void {
    const dialogElement = this.dialogElement;
    if (dialogElement?.isConnected && !dialogElement.matches(':modal')) {
      // Still open but no longer modal: the page took the banner out and put it back.
      if (dialogElement.open) dialogElement.close();
      dialogElement.showModal();
    }
    const popover = this.popoverElement;
    if (popover?.isConnected && !popover.matches(':popover-open')) popover.showPopover?.();
  }

  /** Whether the banner is on screen. */
  get visible(): boolean {
    return this.undecided && this.l10n.ready;
  }

  /** Opens the preferences dialog (second layer). */
  async openPreferences(): Promise<void> {
    await openPreferences(this.shadowRoot?.activeElement ?? this);
  }

  private get effectiveLayout(): Layout {
    const layout = LAYOUTS.includes(this.layout) ? this.layout : 'bar';
    return layout === 'modal' && this.dismissedModal ? 'bar' : layout;
  }

  /** The words the visitor saw when deciding, fingerprinted into the record. */
  private shownText(): string[] {
    const keys: UiKey[] = [
      'banner.title',
      'banner.text',
      'banner.acceptAll',
      'banner.rejectAll',
      'banner.customize',
    ];
    if (instance().gpc) keys.push('banner.gpcNotice');
    return keys.map((key) => this.l10n.t(key));
  }

  private decided(): void {
    this.undecided = instance().needsDecision();
    this.dialogElement?.close();
  }

  private handleAccept(): void {
    instance().acceptAll(decisionContext(this.shownText(), this.l10n.language));
    this.decided();
  }

  private handleReject(): void {
    instance().rejectAll(decisionContext(this.shownText(), this.l10n.language));
    this.decided();
  }

  // The preferences and the policy are a chunk of their own: fetched as the visitor comes near them.
  private prefetchDialogs(): void {
    loadDialogs().catch(() => undefined);
  }

  private handleCustomize(event: Event): void {
    openPreferencesFrom(event.currentTarget as Element);
  }

  private handlePolicy(event: Event): void {
    openPolicyFrom('', event.currentTarget as Element);
  }

  private handleDialogClose(event: Event): void {
    // Closed only to be shown again (the banner was moved): not the visitor's Escape.
    if ((event.target as HTMLDialogElement).open) return;
    if (instance().needsDecision()) this.dismissedModal = true;
  }

  private renderContent() {
    const t = (key: UiKey) => this.l10n.t(key);
    return html`<div class="inner" @pointerover=${this.prefetchDialogs} @focusin=${this.prefetchDialogs}>
      <div class="top">
        <h2 id="title" part="title">${t('banner.title')}</h2>
        <razylyk-language-select
          exportparts="select: language-select, label: language-label"
        ></razylyk-language-select>
      </div>
      <p id="text" part="text">${t('banner.text')}</p>
      ${instance().gpc ? html`<p class="notice" part="gpc-notice">${t('banner.gpcNotice')}</p>` : nothing}
      <p>
        <button class="link-button" part="policy-link" type="button" @click=${this.handlePolicy}>
          ${t('banner.policyLink')}
        </button>
      </p>
      <div class="actions" part="actions">
        <button class="action" part="accept" type="button" data-action="accept" @click=${this.handleAccept}>
          ${t('banner.acceptAll')}
        </button>
        <button class="action" part="reject" type="button" data-action="reject" @click=${this.handleReject}>
          ${t('banner.rejectAll')}
        </button>
        <button
          class="action"
          part="customize"
          type="button"
          data-action="customize"
          aria-haspopup="dialog"
          @click=${this.handleCustomize}
        >
          ${t('banner.customize')}
        </button>
      </div>
    </div>`;
  }

  override render() {
    if (!this.visible) return nothing;
    const layout = this.effectiveLayout;
    if (layout === 'modal')
      return html`<dialog
        class="surface"
        part="banner"
        aria-labelledby="title"
        aria-describedby="text"
        lang=${this.l10n.language}
        dir=${this.l10n.dir}
        @close=${this.handleDialogClose}
      >
        ${this.renderContent()}
      </dialog>`;
    return html`<div
      class="surface region layout-${layout}"
      part="banner"
      role="region"
      aria-label=${this.l10n.t('banner.label')}
      popover="manual"
      lang=${this.l10n.language}
      dir=${this.l10n.dir}
    >
      ${this.renderContent()}
    </div>`;
  }
}
