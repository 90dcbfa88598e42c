import { expect, fixture, html } from '@open-wc/testing';
import tkPolicy from '../../locales/tk/policy.json';
import tkUi from '../../locales/tk/ui.json';
import { POLICY_ANCHORS } from '../../src/policy/anchors.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import type { RazylykPolicy } from '../../src/ui/define.js';
import { waitFor } from '../helpers/wait.js';
import { expectSame, localeExists, resetPage, settled } from './helpers.js';

const doc = tkPolicy as unknown as PolicyDocument;

async function rendered(element: RazylykPolicy): Promise<ShadowRoot> {
  await waitFor(() => !!element.shadowRoot?.querySelector('h1'), 'the policy to render', 3000);
  return element.shadowRoot!;
}

describe('<razylyk-policy>', () => {
  beforeEach(resetPage);
  afterEach(() => {
    resetPage();
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('renders every section of the Turkmen policy with its anchor, heading level and blocks', async () => {
    const element = await fixture<RazylykPolicy>(html`<razylyk-policy lang="tk"></razylyk-policy>`);
    const root = await rendered(element);
    expect(root.querySelector('h1')!.textContent!.trim()).to.equal(doc.title);
    for (const section of doc.sections) {
      const heading = root.querySelector(`#razylyk-${section.id}`);
      expect(heading, section.id).to.not.equal(null);
      expect(heading!.localName, section.id).to.equal(`h${section.level + 1}`);
      expect(heading!.textContent!.trim()).to.equal(section.heading);
      const container = root.querySelector(`[data-section="${section.id}"]`)!;
      expect(container.querySelectorAll(':scope > p').length).to.equal(
        section.blocks.filter((b) => b.type === 'p').length,
      );
      expect(container.querySelectorAll(':scope > ul > li').length).to.equal(
        section.blocks.reduce((n, b) => n + (b.type === 'ul' ? b.items.length : 0), 0),
      );
    }
    const toc = [...root.querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
    expect(toc).to.deep.equal(doc.sections.map((s) => `#razylyk-${s.id}`));
    expect(root.querySelector('nav h2')!.textContent!.trim()).to.equal(tkUi.policy.toc);
    for (const id of Object.keys(POLICY_ANCHORS))
      expect(root.querySelector(`#razylyk-${id}`), id).to.not.equal(null);
  });

  it('renders {{email}} as a mailto link, never as markup', async () => {
    const element = await fixture<RazylykPolicy>(html`<razylyk-policy lang="tk"></razylyk-policy>`);
    const root = await rendered(element);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')];
    const placeholders = doc.sections
      .flatMap((s) => s.blocks.flatMap((b) => (b.type === 'p' ? [b.text] : b.items)))
      .reduce((n, text) => n + text.split('{{email}}').length - 1, 0);
    expect(placeholders).to.be.greaterThan(0);
    expect(links.length).to.equal(placeholders);
    for (const link of links) {
      expect(link.getAttribute('href')).to.equal(`mailto:${doc.contactEmail}`);
      expect(link.textContent).to.equal(doc.contactEmail);
    }
    expect(root.textContent).to.not.contain('{{email}}');
  });

  it('deep link: the section attribute scrolls to and focuses that section', async () => {
    const element = await fixture<RazylykPolicy>(
      html`<div style="height: 300px; overflow: auto">
        <razylyk-policy lang="tk" section="changes"></razylyk-policy>
      </div>`,
    );
    const policy = element.querySelector('razylyk-policy')!;
    const root = await rendered(policy);
    const target = root.querySelector('#razylyk-changes')!;
    await waitFor(() => target.classList.contains('target'), 'the deep link', 3000);
    expectSame(root.activeElement, target);
    expect(element.scrollTop).to.be.greaterThan(0);
  });

  it('deep link: location.hash #razylyk-<id> scrolls there, on load and on hashchange', async () => {
    history.replaceState(null, '', '#razylyk-location-data');
    const element = await fixture<RazylykPolicy>(html`<razylyk-policy lang="tk"></razylyk-policy>`);
    const root = await rendered(element);
    await waitFor(
      () => root.querySelector('#razylyk-location-data')!.classList.contains('target'),
      'the hash target',
      3000,
    );
    location.hash = '#razylyk-switch-off-location';
    await waitFor(
      () => root.querySelector('#razylyk-switch-off-location')!.classList.contains('target'),
      'hashchange',
      3000,
    );
    expect(root.querySelector('#razylyk-location-data')!.classList.contains('target')).to.equal(false);
  });

  it('a contents link scrolls to its section', async () => {
    const element = await fixture<RazylykPolicy>(html`<razylyk-policy lang="tk"></razylyk-policy>`);
    const root = await rendered(element);
    root.querySelector<HTMLAnchorElement>('nav a[href="#razylyk-information-security"]')!.click();
    expectSame(root.activeElement, root.querySelector('#razylyk-information-security'));
  });

  it('is accessible', async () => {
    const element = await fixture<RazylykPolicy>(html`<razylyk-policy lang="tk"></razylyk-policy>`);
    await rendered(element);
    await expect(settled(element)).to.be.accessible();
  });

  for (const language of ['en', 'ar']) {
    it(`standalone lang="${language}" renders that language's policy`, async function () {
      if (!(await localeExists(language))) this.skip();
      const element = await fixture<RazylykPolicy>(
        html`<razylyk-policy lang=${language} theme="dark"></razylyk-policy>`,
      );
      const root = await rendered(element);
      const article = root.querySelector('article')!;
      expect(article.getAttribute('lang')).to.equal(language);
      expect(article.getAttribute('dir')).to.equal(language === 'ar' ? 'rtl' : 'ltr');
      expect(root.querySelector('h1')!.textContent!.trim()).to.not.equal(doc.title);
      expect(root.querySelectorAll('section').length).to.equal(doc.sections.length);
      await expect(settled(element)).to.be.accessible();
    });
  }
});
