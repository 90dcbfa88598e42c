import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isSafeLink } from '../core/trusted.js';
import { LocalizeController } from '../i18n/controller.js';
import { translateWithI18next } from '../i18n/i18next.js';
import { loadPolicy, type LoadedPolicy } from '../i18n/i18n.js';
import { directionOf, type LanguageCode } from '../i18n/languages.js';
import { anchorAt } from '../policy/anchors.js';
import { controllerFacts, type ControllerFacts } from '../core/controller-facts.js';
import { contactHref } from '../policy/controller.js';
import type { PolicyBlock, PolicySection } from '../policy/types.js';
import { peekRazylyk } from '../core/instance.js';
import type { UiKey } from '../i18n/resources.js';
import { declarationsOf, renderDeclarations } from './declarations.js';
import { declarationsStyles } from './declarations.styles.js';
import { tokens } from './shared.styles.js';
import { policyStyles } from './policy.styles.js';
import type { Theme } from '../core/types.js';

const EMAIL = '{{email}}';
const ANCHOR_PREFIX = 'razylyk-';
const HEADING_TAGS = { 1: 'h2', 2: 'h3', 3: 'h4' } as const;

/**
 * @summary The full privacy policy in the page's language: title, contents, sections with anchors.
 * Usable alone on a privacy page (`<razylyk-policy lang="en">`); `#razylyk-<section-id>` deep links work.
 * The policy text loads only when the element is connected.
 *
 * @csspart policy - The document wrapper.
 * @csspart toc - The table of contents.
 * @csspart section - Each section.
 * @csspart declarations - The list of what each purpose stores or shares (when razylyk runs on the page).
 * @cssproperty --razylyk-link - Link colour.
 * @cssproperty --razylyk-focus - Focus ring and deep-link highlight colour.
 * @cssproperty --razylyk-font - Font family.
 */
export class RazylykPolicy extends LitElement {
  static override styles = [tokens, policyStyles, declarationsStyles];

  private readonly l10n = new LocalizeController(this, translateWithI18next);

  /** A section id or list-item anchor (e.g. `ad-optimisation`) to scroll to once the text is shown. */
  @property({ reflect: true }) section = '';

  @property({ reflect: true }) theme: Theme = 'auto';

  /**
   * The data controller (the operator's name, address and contact), shown after the policy text. The
   * reader in the dialog takes it from the `controller` configuration option; text only, links only
   * mailto: and http(s).
   */
  @property({ attribute: false }) controller: ControllerFacts | undefined;

  @state() private loaded: LoadedPolicy | undefined;
  @state() private failed = false;
  private requested: LanguageCode | undefined;
  private scrolledTo = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.requested !== this.l10n.language) void this.load(this.l10n.language);
    if (changed.has('section')) this.scrolledTo = '';
  }

  protected override updated(): void {
    const target = this.section || hashTarget();
    if (this.loaded && target && target !== this.scrolledTo) {
      this.scrolledTo = target;
      this.scrollToAnchor(target, Boolean(this.section));
    }
  }

  /** Scrolls to a section or list-item anchor; returns false when the policy has no such place. */
  scrollToAnchor(id: string, focus = true): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(ANCHOR_PREFIX + id)}`);
    if (!target) return false;
    for (const old of this.renderRoot.querySelectorAll('.target')) old.classList.remove('target');
    target.classList.add('target');
    target.scrollIntoView({ block: 'start' });
    if (focus) target.focus({ preventScroll: true });
    return true;
  }

  private async load(language: LanguageCode): Promise<void> {
    this.requested = language;
    this.failed = false;
    try {
      const loaded = await loadPolicy(language);
      if (this.requested === language) this.loaded = loaded;
    } catch {
      if (this.requested === language) this.failed = true;
    }
  }

  private handleHashChange = (): void => {
    const target = hashTarget();
    if (target) this.scrollToAnchor(target);
  };

  // Fragment links cannot reach into a shadow root, so contents links scroll here.
  private handleTocClick(event: MouseEvent, id: string): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    this.scrollToAnchor(id);
  }

  private renderText(text: string, email: string): Array<string | TemplateResult> {
    const parts = text.split(EMAIL);
    const href = `mailto:${email}`;
    const link =
      /^[^\s@<>"]+@[^\s@<>"]+$/.test(email) && isSafeLink(href) ? html`<a href=${href}>${email}</a>` : email;
    return parts.flatMap((part, i) => (i === 0 ? [part] : [link, part]));
  }

  private renderBlock(section: PolicySection, block: PolicyBlock, index: number, email: string) {
    const id = anchorAt(section.id, index);
    const anchor = id ? ANCHOR_PREFIX + id : undefined;
    if (block.type === 'p')
      return html`<p id=${anchor ?? nothing} tabindex=${anchor ? '-1' : nothing}>
        ${this.renderText(block.text, email)}
      </p>`;
    return html`<ul id=${anchor ?? nothing} tabindex=${anchor ? '-1' : nothing}>
      ${block.items.map((item, itemIndex) => {
        const itemId = anchorAt(section.id, index, itemIndex);
        return html`<li id=${itemId ? ANCHOR_PREFIX + itemId : nothing} tabindex=${itemId ? '-1' : nothing}>
          ${this.renderText(item, email)}
        </li>`;
      })}
    </ul>`;
  }

  private renderHeading(section: PolicySection, email: string) {
    const id = ANCHOR_PREFIX + section.id;
    const text = this.renderText(section.heading, email);
    switch (HEADING_TAGS[section.level]) {
      case 'h2':
        return html`<h2 id=${id} tabindex="-1">${text}</h2>`;
      case 'h3':
        return html`<h3 id=${id} tabindex="-1">${text}</h3>`;
      default:
        return html`<h4 id=${id} tabindex="-1">${text}</h4>`;
    }
  }

  private renderController() {
    const facts = controllerFacts(this.controller);
    if (!facts) return nothing;
    const href = facts.contact ? contactHref(facts.contact) : undefined;
    return html`<section part="section controller" data-section="controller">
      <h2 id="${ANCHOR_PREFIX}controller" tabindex="-1">${this.l10n.t('policy.controller')}</h2>
      <p class="controller-name">${facts.name}</p>
      ${facts.address ? html`<p class="controller-address">${facts.address}</p>` : nothing}
      ${
        facts.contact
          ? html`<p class="controller-contact">
              ${href && isSafeLink(href) ? html`<a href=${href}>${facts.contact}</a>` : facts.contact}
            </p>`
          : nothing
      }
    </section>`;
  }

  /** What each purpose of the page's razylyk stores or shares, after the policy's own sections. */
  private renderDeclared() {
    const razylyk = peekRazylyk();
    if (!razylyk) return nothing;
    const language = this.l10n.language;
    const tables = razylyk.purposes.map((purpose) =>
      renderDeclarations(
        declarationsOf(razylyk, purpose.id),
        purpose.title?.[language] ?? this.l10n.t(`purposes.${purpose.id}.title` as UiKey),
        (key) => this.l10n.t(key),
        language,
        `declared-${purpose.id}`,
      ),
    );
    return html`<section part="section declarations" data-section="declarations">
      <h2 id="${ANCHOR_PREFIX}declarations" tabindex="-1">${this.l10n.t('declarations.heading')}</h2>
      ${tables}
    </section>`;
  }

  override render() {
    if (this.failed) return html`<div class="surface" role="alert">${this.l10n.t('policy.loadError')}</div>`;
    const loaded = this.loaded;
    if (!loaded || !this.l10n.ready)
      return html`<div class="surface" role="status">${this.l10n.t('policy.loading')}</div>`;
    const doc = loaded.document;
    const email = doc.contactEmail;
    return html`<article
      class="surface"
      part="policy"
      lang=${loaded.language}
      dir=${directionOf(loaded.language)}
    >
      <h1>${this.renderText(doc.title, email)}</h1>
      <nav part="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">${this.l10n.t('policy.toc')}</h2>
        <ol>
          ${doc.sections.map(
            (section) =>
              html`<li class="toc-${section.level}">
                <a
                  href="#${ANCHOR_PREFIX}${section.id}"
                  @click=${(event: MouseEvent) => this.handleTocClick(event, section.id)}
                  >${section.heading.split(EMAIL).join(email)}</a
                >
              </li>`,
          )}
        </ol>
      </nav>
      ${doc.sections.map(
        (section) =>
          html`<section part="section" data-section=${section.id}>
            ${this.renderHeading(section, email)}
            ${section.blocks.map((block, index) => this.renderBlock(section, block, index, email))}
          </section>`,
      )}
      ${this.renderController()} ${this.renderDeclared()}
      ${
        doc.sourceId
          ? html`<p class="source">${this.l10n.t('policy.sourceId', { id: doc.sourceId })}</p>`
          : nothing
      }
    </article>`;
  }
}

function hashTarget(): string {
  const hash = decodeURIComponent(location.hash.slice(1));
  return hash.startsWith(ANCHOR_PREFIX) ? hash.slice(ANCHOR_PREFIX.length) : '';
}
