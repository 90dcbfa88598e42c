import { expect } from '@open-wc/testing';
import { getRazylyk } from '../../src/core/instance.js';
import { RazylykPlaceholder } from '../../src/ui/placeholder.js';
import { defineAll } from '../../src/ui/registry.js';
import { openPolicy, openPreferences } from '../../src/ui/dialogs.js';
import { waitFor } from '../helpers/wait.js';
import { mount, part, preferencesElement, resetPage } from './helpers.js';

interface Declaration {
  name: string;
  tagName: string;
  cssParts?: { name: string }[];
  events?: { name: string; type?: { text: string } }[];
}
interface Manifest {
  modules: { path: string; declarations: Declaration[]; exports: { kind: string; name: string }[] }[];
}

/** custom-elements.json as shipped: written by `node scripts/build.mjs` (npm test builds first). */
async function shippedManifest(): Promise<Manifest> {
  const response = await fetch('/custom-elements.json');
  if (!response.ok) throw new Error('no custom-elements.json: run node scripts/build.mjs');
  return JSON.parse(await response.text()) as Manifest;
}

/** Every part each razylyk element exposes now, its own and those it forwards with exportparts. */
function collectParts(into: Map<string, Set<string>>, root: ParentNode = document): void {
  for (const element of root.querySelectorAll('*')) {
    const shadow = element.shadowRoot;
    if (!shadow) continue;
    if (element.localName.startsWith('razylyk-')) {
      const parts = into.get(element.localName) ?? new Set<string>();
      for (const inner of shadow.querySelectorAll('[part]')) for (const name of inner.part) parts.add(name);
      for (const inner of shadow.querySelectorAll('[exportparts]'))
        for (const mapping of inner.getAttribute('exportparts')!.split(','))
          parts.add(mapping.split(':').at(-1)!.trim());
      into.set(element.localName, parts);
    }
    collectParts(into, shadow);
  }
}

describe('custom-elements.json', () => {
  beforeEach(resetPage);
  afterEach(() => {
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    resetPage();
  });

  it('names the shipped module and each element by its registered tag', async () => {
    const [module, ...others] = (await shippedManifest()).modules;
    expect(others).to.have.length(0);
    expect(module.path).to.equal('dist/lib/elements.js');
    const tags = module.declarations.map((d) => d.tagName).sort();
    expect(tags).to.deep.equal([
      'razylyk-banner',
      'razylyk-language-select',
      'razylyk-placeholder',
      'razylyk-policy',
      'razylyk-policy-dialog',
      'razylyk-preferences',
      'razylyk-settings-button',
    ]);
    // The placeholder is defined by its own chunk, on a page where gating holds back an embed.
    defineAll({ 'razylyk-placeholder': RazylykPlaceholder });
    for (const declaration of module.declarations)
      expect(customElements.get(declaration.tagName)?.name, declaration.tagName).to.equal(declaration.name);
    const definitions = module.exports
      .filter((e) => e.kind === 'custom-element-definition')
      .map((e) => e.name);
    expect(definitions.sort()).to.deep.equal(tags);
  });

  it('types the events the preferences fire', async () => {
    const [module] = (await shippedManifest()).modules;
    const preferences = module.declarations.find((d) => d.tagName === 'razylyk-preferences')!;
    expect(preferences.events?.map((e) => [e.name, e.type?.text])).to.deep.equal([
      ['razylyk-preferences-open', 'CustomEvent<PreferencesToggleDetail>'],
      ['razylyk-preferences-close', 'CustomEvent<PreferencesToggleDetail>'],
    ]);
  });

  it('lists exactly the parts the elements render, in every state', async () => {
    // Global Privacy Control on, for the notices; the settings button, for its own element.
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const rendered = new Map<string, Set<string>>();
    // A gated map: once the visitor has decided without `location`, a placeholder stands in for it.
    const map = document.createElement('iframe');
    map.title = 'Store map';
    map.setAttribute('data-consent', 'location');
    map.setAttribute('data-src', '/test/ui/fixtures/never-loaded.html');
    document.body.append(map);
    const { banner } = await mount({ settingsButton: true });
    collectParts(rendered);

    // The preferences before a decision, then after one (its date, id and Withdraw).
    part(banner, '[part="customize"]').click();
    const preferences = await preferencesElement();
    await waitFor(() => preferences.open, 'the preferences dialog', 3000);
    collectParts(rendered);
    part(preferences, '[part="save"]').click();
    await waitFor(() => getRazylyk().get() !== null, 'the decision', 3000);
    await waitFor(
      () => !!document.querySelector('razylyk-placeholder')?.shadowRoot?.querySelector('[part~="allow"]'),
      'the placeholder',
      3000,
    );
    collectParts(rendered);
    map.remove();
    await openPreferences();
    await waitFor(
      () => preferences.open && !!preferences.shadowRoot!.querySelector('[part="decision"]'),
      'the decision',
      3000,
    );
    collectParts(rendered);
    preferences.close();

    await openPolicy('how-we-collect-information');
    const dialog = document.querySelector('razylyk-policy-dialog')!;
    await waitFor(
      () =>
        !!dialog.shadowRoot?.querySelector('razylyk-policy')?.shadowRoot?.querySelector('[part~="section"]'),
      'the policy text',
      8000,
    );
    await waitFor(
      () => !!document.querySelector('razylyk-settings-button')?.shadowRoot?.querySelector('[part]'),
      'the settings button',
      3000,
    );
    collectParts(rendered);

    const [module] = (await shippedManifest()).modules;
    for (const declaration of module.declarations) {
      const documented = (declaration.cssParts ?? []).map((p) => p.name).sort();
      expect([...(rendered.get(declaration.tagName) ?? [])].sort(), declaration.tagName).to.deep.equal(
        documented,
      );
    }
  });
});
