import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ConsentRecord, PurposeDefinition } from '../core/types.js';
import { LocalizeController } from '../i18n/controller.js';
import { translateWithI18next } from '../i18n/i18next.js';
import type { UiKey } from '../i18n/resources.js';
import { preferencesEvent } from './events.js';
import { actions, dialog, tokens } from './shared.styles.js';
import { preferencesStyles } from './preferences.styles.js';
import { declarationsOf, renderDeclarations } from './declarations.js';
import { declarationsStyles } from './declarations.styles.js';
import { decisionContext, instance, openPolicyFrom, restoreFocus } from './dialogs.js';
import './language-select.js';
import type { Theme } from '../core/types.js';

/**
 * @summary The second layer: one switch per purpose, with what it means and where the policy says so.
 * A native modal `<dialog>`: focus stays inside, the page is inert, Escape closes without saving.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart purpose - Each purpose row.
 * @csspart switch - Each purpose switch (`<input type="checkbox" role="switch">`).
 * @csspart read-more - Each purpose's link to the policy section it rests on.
 * @csspart gpc-notice - Shown when the browser sends Global Privacy Control.
 * @csspart decision - The current decision: its date, its consent id and the Withdraw button.
 * @csspart actions - The row of Save / Accept all / Reject all.
 * @csspart save - Save choices.
 * @csspart accept - Accept all.
 * @csspart reject - Reject all.
 * @csspart withdraw - Withdraw consent (shown once a decision exists).
 * @csspart close - Close without saving.
 * @csspart declarations - Each purpose's collapsible list of the cookies, keys and third parties it uses.
 * @csspart language-select - The language `<select>` (the `select` part of its `<razylyk-language-select>`).
 * @csspart language-label - The language select's label (its `label` part).
 * @cssproperty --razylyk-bg - Background (`--razylyk-dark-bg` in the dark theme; same for every token).
 * @cssproperty --razylyk-fg - Text colour.
 * @cssproperty --razylyk-accent - Button and switch colour.
 * @cssproperty --razylyk-accent-fg - Text on buttons.
 * @cssproperty --razylyk-radius - Corner radius.
 * @fires {CustomEvent<PreferencesToggleDetail>} razylyk-preferences-open - The dialog opened (`detail.open` is true).
 * @fires {CustomEvent<PreferencesToggleDetail>} razylyk-preferences-close - The dialog closed, saved or not (`detail.open` is false).
 */
export class RazylykPreferences extends LitElement {
  static override styles = [tokens, actions, dialog, preferencesStyles, declarationsStyles];

  private readonly l10n = new LocalizeController(this, translateWithI18next);

  @property({ reflect: true }) theme: Theme = 'auto';

  /** Unsaved switch positions: kept across language switches, dropped on close. */
  @state() private draft: Record<string, boolean> = {};
  @state() private record: ConsentRecord | null = null;
  @state() private status = '';

  @query('dialog') private dialogElement!: HTMLDialogElement;

  private opener: Element | null = null;
  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = instance().onChange(() => (this.record = instance().get()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  get open(): boolean {
    return this.dialogElement?.open ?? false;
  }

  /** Opens the dialog with the switches at the visitor's current choices; focus returns to `opener`. */
  async show(opener: Element | null = null): Promise<void> {
    this.opener = opener;
    this.record = instance().get();
    this.draft = this.choicesFrom(this.record);
    this.status = '';
    await this.updateComplete;
    if (this.dialogElement.open) return;
    this.dialogElement.showModal();
    this.dispatchEvent(preferencesEvent(true));
  }

  /** Closes without saving. */
  close(): void {
    this.dialogElement?.close();
  }

  private choicesFrom(record: ConsentRecord | null): Record<string, boolean> {
    const choices: Record<string, boolean> = {};
    for (const purpose of instance().purposes)
      choices[purpose.id] = purpose.required || record?.choices[purpose.id] === true;
    return choices;
  }

  /** The words this dialog showed, fingerprinted into the record. */
  private shownText(): string[] {
    const t = (key: UiKey) => this.l10n.t(key);
    const text = [t('preferences.title'), t('preferences.description')];
    if (instance().gpc) text.push(t('preferences.gpcNotice'));
    for (const purpose of instance().purposes)
      text.push(this.purposeTitle(purpose), this.purposeDescription(purpose));
    return text;
  }

  private context() {
    return decisionContext(this.shownText(), this.l10n.language);
  }

  private purposeTitle(purpose: PurposeDefinition): string {
    return purpose.title?.[this.l10n.language] ?? this.l10n.t(`purposes.${purpose.id}.title` as UiKey);
  }

  private purposeDescription(purpose: PurposeDefinition): string {
    return (
      purpose.description?.[this.l10n.language] ?? this.l10n.t(`purposes.${purpose.id}.description` as UiKey)
    );
  }

  private finish(status: UiKey): void {
    this.status = this.l10n.t(status);
    this.close();
  }

  private handleToggle(event: Event, id: string): void {
    this.draft = { ...this.draft, [id]: (event.target as HTMLInputElement).checked };
  }

  private handleSave(): void {
    instance().set(this.draft, this.context());
    this.finish('status.saved');
  }

  private handleAcceptAll(): void {
    instance().acceptAll(this.context());
    this.finish('status.saved');
  }

  private handleRejectAll(): void {
    instance().rejectAll(this.context());
    this.finish('status.saved');
  }

  private handleWithdraw(): void {
    instance().withdraw(this.context());
    this.finish('status.withdrawn');
  }

  private handleClose(): void {
    this.draft = {};
    this.dispatchEvent(preferencesEvent(false));
    restoreFocus(this.opener);
    this.opener = null;
  }

  private handleReadMore(event: Event, section: string): void {
    openPolicyFrom(section, event.currentTarget as Element);
  }

  private renderPurpose(purpose: PurposeDefinition) {
    const id = `purpose-${purpose.id}`;
    const title = this.purposeTitle(purpose);
    const checked = purpose.required || this.draft[purpose.id] === true;
    return html`<li class="purpose" part="purpose" data-purpose=${purpose.id}>
      <div class="purpose-head">
        <label for=${id}>${title}</label>
        ${
          purpose.required
            ? html`<span class="always-on" id="${id}-on">${this.l10n.t('preferences.alwaysOn')}</span>`
            : nothing
        }
        <input
          id=${id}
          part="switch"
          type="checkbox"
          role="switch"
          aria-describedby="${id}-description"
          aria-checked=${checked ? 'true' : 'false'}
          .checked=${checked}
          ?disabled=${purpose.required}
          @change=${(event: Event) => this.handleToggle(event, purpose.id)}
        />
      </div>
      <p class="description" id="${id}-description">${this.purposeDescription(purpose)}</p>
      ${this.renderDeclared(purpose, title, id)}
      <button
        class="link-button read-more"
        part="read-more"
        type="button"
        aria-haspopup="dialog"
        data-section=${purpose.policySection}
        @click=${(event: Event) => this.handleReadMore(event, purpose.policySection)}
      >
        ${this.l10n.t('preferences.readMore', { section: title })}
      </button>
    </li>`;
  }

  /** What the purpose stores or shares, collapsed until asked for (a native, keyboard-operable disclosure). */
  private renderDeclared(purpose: PurposeDefinition, title: string, id: string) {
    const declarations = declarationsOf(instance(), purpose.id);
    if (!declarations.length) return nothing;
    return html`<details class="declared" part="declarations">
      <summary>${this.l10n.t('declarations.summary')} (${declarations.length})</summary>
      ${renderDeclarations(declarations, title, (key) => this.l10n.t(key), this.l10n.language, id)}
    </details>`;
  }

  private renderDecision(record: ConsentRecord) {
    const date = formatDate(record.decidedAt, this.l10n.language);
    return html`<div class="decision" part="decision">
      <p>${this.l10n.t('preferences.decidedAt', { date })}</p>
      <p>${this.l10n.t('preferences.consentId', { id: record.id })}</p>
      <button class="withdraw" part="withdraw" type="button" @click=${this.handleWithdraw}>
        ${this.l10n.t('preferences.withdraw')}
      </button>
    </div>`;
  }

  override render() {
    const t = (key: UiKey) => this.l10n.t(key);
    return html`<dialog
        part="dialog"
        class="surface"
        aria-labelledby="title"
        aria-describedby="description"
        lang=${this.l10n.language}
        dir=${this.l10n.dir}
        @close=${this.handleClose}
      >
        <div class="inner">
          <header>
            <h2 id="title">${t('preferences.title')}</h2>
            <razylyk-language-select
              exportparts="select: language-select, label: language-label"
            ></razylyk-language-select>
            <button class="icon-button" part="close" type="button" @click=${this.close}>
              <span aria-hidden="true">×</span>
              <span class="visually-hidden">${t('preferences.close')}</span>
            </button>
          </header>
          <p id="description">${t('preferences.description')}</p>
          ${instance().gpc ? html`<p class="notice" part="gpc-notice">${t('preferences.gpcNotice')}</p>` : nothing}
          <ul class="purposes">
            ${instance().purposes.map((purpose) => this.renderPurpose(purpose))}
          </ul>
          ${this.record ? this.renderDecision(this.record) : nothing}
          <div class="actions" part="actions">
            <button class="action" part="save" type="button" @click=${this.handleSave}>
              ${t('preferences.save')}
            </button>
            <button class="action" part="accept" type="button" @click=${this.handleAcceptAll}>
              ${t('preferences.acceptAll')}
            </button>
            <button class="action" part="reject" type="button" @click=${this.handleRejectAll}>
              ${t('preferences.rejectAll')}
            </button>
          </div>
        </div>
      </dialog>
      <div class="visually-hidden" role="status">${this.status}</div>`;
  }
}

function formatDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}
