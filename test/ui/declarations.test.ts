/**
 * Declarations (src/ui/declarations.ts): what each purpose stores or shares, in the preferences (a
 * collapsible table per purpose) and in the policy reader; razylyk's own record under `necessary`.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getRazylyk } from '../../src/core/instance.js';
import type { RazylykConfig } from '../../src/core/types.js';
import { declarationsOf } from '../../src/ui/declarations.js';
import { openPolicy, openPreferences } from '../../src/ui/dialogs.js';
import { waitFor } from '../helpers/wait.js';
import {
  deepActive,
  focusPage,
  mountMaybe,
  part,
  preferencesElement,
  resetPage,
  settled,
} from './helpers.js';

const CONFIG: RazylykConfig = {
  lifetimeDays: 30,
  purposes: [
    {
      id: 'web_beacons',
      cookies: [
        '_pk_*',
        {
          name: '_ga*',
          provider: 'Google Analytics',
          duration: { en: '13 months', de: '13 Monate' },
          description: { en: 'Tells visits apart.', de: 'Unterscheidet Besuche.' },
        },
      ],
      storageKeys: [{ name: 'stats:last', provider: 'Qiming', duration: 7, description: 'Last visit.' }],
      thirdParties: [
        { name: 'Analytics Ltd', provider: 'Analytics Ltd', description: { en: 'Counts page views.' } },
      ],
    },
  ],
};

const rows = (table: Element) =>
  [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.children].map((cell) => cell.textContent!.trim()),
  );

describe('declarations', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('reads entries and plain names (own properties only), with razylyk’s own record under necessary', () => {
    const inherited = Object.create({ provider: 'inherited' }) as Record<string, unknown>;
    inherited.name = 'proto_cookie';
    const instance = getRazylyk({
      ...CONFIG,
      purposes: [
        ...CONFIG.purposes!,
        { id: 'cookies', cookies: [inherited as never, /re/, '', 42 as never] },
      ],
    });
    expect(declarationsOf(instance, 'necessary')).to.deep.equal([
      { kind: 'storage', name: 'razylyk:consent', provider: 'razylyk', duration: 30, builtIn: true },
    ]);
    expect(declarationsOf(instance, 'web_beacons').map((d) => [d.kind, d.name])).to.deep.equal([
      ['cookie', '_pk_*'],
      ['cookie', '_ga*'],
      ['storage', 'stats:last'],
      ['third-party', 'Analytics Ltd'],
    ]);
    // An inherited provider is not read; a RegExp, an empty name and a number show nothing.
    expect(declarationsOf(instance, 'cookies')).to.deep.equal([{ kind: 'cookie', name: 'proto_cookie' }]);
    expect(declarationsOf(instance, 'location')).to.deep.equal([]);
  });

  it('the preferences show a collapsible, accessible table per purpose, in all seven languages', async function () {
    // Seven languages with axe on each: generous on a machine that runs other suites too.
    this.timeout(60000);
    // Keyboard focus on the page before the modal opens (as the preferences' keyboard tests do).
    await focusPage();
    await mountMaybe({ language: 'en' }, CONFIG);
    await openPreferences();
    const preferences = settled(await preferencesElement());
    const details = preferences.shadowRoot!.querySelector<HTMLDetailsElement>(
      '[data-purpose="web_beacons"] details',
    )!;
    expect(details.open).to.equal(false);
    expect(preferences.shadowRoot!.querySelector('[data-purpose="location"] details')).to.equal(null);
    // Keyboard: the summary is a control; Enter opens it.
    const summary = details.querySelector('summary')!;
    summary.focus();
    await waitFor(() => deepActive() === summary, 'focus on the summary', 3000);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => details.open, 'the details opening', 10000);
    const table = details.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Web beacons');
    expect(rows(table)).to.deep.equal([
      ['_pk_*', 'Cookie', '', '', ''],
      ['_ga*', 'Cookie', 'Google Analytics', '13 months', 'Tells visits apart.'],
      ['stats:last', 'Local storage', 'Qiming', '7 days', 'Last visit.'],
      ['Analytics Ltd', 'Third party', 'Analytics Ltd', '', 'Counts page views.'],
    ]);
    const necessary = preferences.shadowRoot!.querySelector('[data-purpose="necessary"] details')!;
    (necessary as HTMLDetailsElement).open = true;
    expect(rows(necessary.querySelector('table')!)[0].slice(0, 4)).to.deep.equal([
      'razylyk:consent',
      'Local storage',
      'razylyk',
      '30 days',
    ]);
    await expect(preferences).to.be.accessible();

    const seen = new Set<string>();
    for (const language of ['tk', 'en', 'ru', 'zh', 'tr', 'de', 'ar'] as const) {
      await getRazylyk().setLanguage(language);
      await preferences.updateComplete;
      const dialog = part(preferences, 'dialog');
      await waitFor(() => dialog.getAttribute('lang') === language, language, 3000);
      await preferences.updateComplete;
      const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      expect(header.every(Boolean), `${language} headers`).to.equal(true);
      seen.add(header.join('|'));
      const ownRow = rows(necessary.querySelector('table')!)[0];
      expect(ownRow[4], `${language} own record`).to.not.equal('');
      if (language === 'de') expect(rows(table)[1][3]).to.equal('13 Monate');
      if (language === 'ar') expect(dialog.getAttribute('dir')).to.equal('rtl');
      await expect(preferences).to.be.accessible();
    }
    expect(seen.size).to.equal(7);
  });

  it('the policy reader lists every purpose’s declarations', async () => {
    await mountMaybe({ language: 'en' }, CONFIG);
    await openPolicy();
    const dialog = document.querySelector('razylyk-policy-dialog')!;
    await waitFor(() => !!dialog.shadowRoot?.querySelector('razylyk-policy'), 'the policy reader', 3000);
    const policy = dialog.shadowRoot!.querySelector('razylyk-policy')!;
    await waitFor(
      () => !!policy.shadowRoot?.querySelector('[data-section="declarations"]'),
      'the declarations section',
      3000,
    );
    const section = policy.shadowRoot!.querySelector('[data-section="declarations"]')!;
    const captions = [...section.querySelectorAll('caption')].map((c) => c.textContent!.trim());
    expect(captions).to.deep.equal(['Necessary', 'Web beacons']);
    expect(section.textContent).to.include('Google Analytics');
  });
});
