/**
 * Operator facts as data: the `controller` option (name, address, contact) is read from the host's
 * configuration with own-property reads and shown in the policy reader as plain text, the contact a link
 * only as mailto: or http(s).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { readConfig } from '../../src/core/config.js';
import { controllerFacts } from '../../src/core/controller-facts.js';
import { contactHref } from '../../src/policy/controller.js';
import type { RazylykPolicy } from '../../src/ui/define.js';
import enUi from '../../locales/en/ui.json';
import { openPolicy } from '../../src/ui/dialogs.js';
import { warningsOf } from '../helpers/console.js';
import { waitFor } from '../helpers/wait.js';
import { mount, resetPage } from '../ui/helpers.js';

const QIMING = {
  name: 'Qiming LLC',
  address: 'Magtymguly Ave 1\nAshgabat 744000',
  contact: 'privacy@qiming.example',
};

describe('controller facts', () => {
  it('keeps own string fields only, trimmed, and needs a name', () => {
    expect(controllerFacts({ ...QIMING, extra: 'x' })).to.deep.equal(QIMING);
    expect(controllerFacts({ name: '  Qiming  ', address: 7, contact: '' })).to.deep.equal({
      name: 'Qiming',
    });
    const inherited = Object.create({ name: 'From the prototype' }) as object;
    expect(controllerFacts(inherited)).to.equal(undefined);
    expect(controllerFacts(JSON.parse('{"__proto__": {"name": "x"}}'))).to.equal(undefined);
    for (const bad of [null, 'Qiming', ['Qiming'], { address: 'a' }, { name: '   ' }])
      expect(controllerFacts(bad), JSON.stringify(bad)).to.equal(undefined);
    const throwing = {
      get name(): string {
        throw new Error('hostile getter');
      },
    };
    expect(controllerFacts(throwing)).to.equal(undefined);
  });

  it('links a contact only as an e-mail address or an http(s) URL', () => {
    expect(contactHref('privacy@qiming.example')).to.equal('mailto:privacy@qiming.example');
    expect(contactHref('https://qiming.example/privacy')).to.equal('https://qiming.example/privacy');
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,x',
      '+993 12 000000',
      'mailto:x@y.z?bcc=a@b.c',
    ])
      expect(contactHref(text), text).to.equal(undefined);
  });

  it('is read from window.razylykConfig, not from a data- attribute, and a bad value is reported', () => {
    const script = document.createElement('script');
    script.setAttribute('data-controller', 'Qiming');
    let config = readConfig(script, { controller: QIMING });
    expect(config.controller).to.deep.equal(QIMING);
    expect(config.controller).not.to.equal(QIMING); // a copy: the page changing its object later changes nothing
    const said = warningsOf(() => {
      config = readConfig(null, { controller: { address: 'no name' } });
    });
    expect(config.controller).to.equal(undefined);
    expect(said.join('\n')).to.match(
      /\[razylyk\].*controller must be an object \{ name, address, contact \}/,
    );
  });
});

describe('<razylyk-policy> controller', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  async function reader(controller: unknown): Promise<ShadowRoot> {
    const element = await fixture<RazylykPolicy>(
      html`<razylyk-policy lang="en" .controller=${controller}></razylyk-policy>`,
    );
    await waitFor(() => !!element.shadowRoot?.querySelector('h1'), 'the policy to render', 3000);
    return element.shadowRoot!;
  }

  it('shows the name, the address and the contact as a mailto link after the policy text', async () => {
    const root = await reader(QIMING);
    const section = root.querySelector('[data-section="controller"]')!;
    expect(section.querySelector('h2')!.textContent!.trim()).to.equal(enUi.policy.controller);
    expect(section.querySelector('.controller-name')!.textContent!.trim()).to.equal('Qiming LLC');
    const address = section.querySelector<HTMLElement>('.controller-address')!;
    expect(address.textContent!.trim()).to.equal(QIMING.address);
    expect(getComputedStyle(address).whiteSpace).to.equal('pre-line');
    const link = section.querySelector<HTMLAnchorElement>('.controller-contact a')!;
    expect(link.getAttribute('href')).to.equal('mailto:privacy@qiming.example');
    const sections = [...root.querySelectorAll('[data-section]')];
    expect(sections.at(-1)).to.equal(section);
    await expect(root.host).to.be.accessible();
  });

  it('shows markup and a javascript: contact as text, never as elements or links', async () => {
    const root = await reader({ name: '<img src=x onerror=alert(1)>', contact: 'javascript:alert(1)' });
    const section = root.querySelector('[data-section="controller"]')!;
    expect(section.querySelector('img')).to.equal(null);
    expect(section.querySelector('.controller-name')!.textContent!.trim()).to.equal(
      '<img src=x onerror=alert(1)>',
    );
    expect(section.querySelector('a')).to.equal(null);
    expect(section.querySelector('.controller-contact')!.textContent!.trim()).to.equal('javascript:alert(1)');
  });

  it('shows no controller section when none is configured', async () => {
    const root = await reader(undefined);
    expect(root.querySelector('[data-section="controller"]')).to.equal(null);
  });

  it('takes the facts from the configuration in the policy dialog', async () => {
    await mount({ language: 'en' }, { controller: QIMING });
    await openPolicy();
    await waitFor(() => !!document.querySelector('razylyk-policy-dialog')?.open, 'the policy reader', 3000);
    const dialog = document.querySelector('razylyk-policy-dialog')!;
    const name = () =>
      dialog.shadowRoot
        ?.querySelector('razylyk-policy')
        ?.shadowRoot?.querySelector('[data-section="controller"] .controller-name');
    await waitFor(() => !!name(), 'the controller section', 3000);
    expect(name()!.textContent!.trim()).to.equal('Qiming LLC');
  });
});
