/** The sample website: each gated example is inert until its purpose is granted, and withdraws cleanly. */
import { expect } from '@open-wc/testing';
import type { Razylyk } from '../../src/core/instance.js';
import { closeFrames } from '../helpers/frames.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { clearConsent, loadDemo, type LoadedDemo } from './helpers.js';

const state = (doc: Document, id: string) => doc.getElementById(id)!.dataset.state;

async function openSite(): Promise<LoadedDemo & { accept: HTMLButtonElement; reject: HTMLButtonElement }> {
  const demo = await loadDemo('index.html');
  const banner = await waitFor(
    () =>
      demo.doc.querySelector('razylyk-banner')?.shadowRoot?.querySelector('[data-action=accept]') &&
      demo.doc.querySelector('razylyk-banner')!.shadowRoot!,
    'the banner',
    15000,
  );
  return {
    ...demo,
    accept: banner.querySelector<HTMLButtonElement>('[data-action=accept]')!,
    reject: banner.querySelector<HTMLButtonElement>('[data-action=reject]')!,
  };
}

describe('demo/index.html gated examples', () => {
  beforeEach(clearConsent);
  afterEach(() => {
    closeFrames();
    clearConsent();
  });

  it('keeps every example off until the visitor accepts in the banner, then switches them on', async () => {
    const { doc, accept } = await openSite();
    await sleep(300);
    expect(state(doc, 'beacon-state')).to.equal('off');
    expect(state(doc, 'ad-state')).to.equal('off');
    expect(state(doc, 'cookie-state')).to.equal('off');
    expect(state(doc, 'map-state')).to.equal('off');
    expect(doc.getElementById('map')!.getAttribute('src')).to.equal(null);
    expect(doc.cookie).not.to.contain('qiming_demo_prefs');

    accept.click();

    await waitFor(() => state(doc, 'beacon-state') === 'on', 'the beacon', 15000);
    expect(doc.getElementById('beacon-state')!.textContent).to.equal('beacon sent');
    await waitFor(() => state(doc, 'map-state') === 'on', 'the map', 15000);
    expect(doc.getElementById('map')!.getAttribute('src')).to.equal('map.html');
    expect(state(doc, 'ad-state')).to.equal('on');
    expect(doc.getElementById('ad-slot')!.textContent).to.contain('Personalised');
    await waitFor(() => state(doc, 'cookie-state') === 'on', 'the cookie', 15000);
    expect(doc.cookie).to.contain('qiming_demo_prefs=');
    const stored = JSON.parse(localStorage.getItem('razylyk:consent')!);
    expect(stored.method).to.equal('accept_all');
    expect(JSON.parse(doc.getElementById('record')!.textContent!).id).to.equal(stored.id);
    expect(doc.getElementById('log')!.textContent).to.contain('razylyk-change').and.to.contain('accept_all');
  });

  it('keeps every example off after "Reject all"', async () => {
    const { doc, reject } = await openSite();
    reject.click();
    await waitFor(() => localStorage.getItem('razylyk:consent'), 'the stored refusal', 15000);
    await sleep(300);
    expect(JSON.parse(localStorage.getItem('razylyk:consent')!).method).to.equal('reject_all');
    for (const id of ['beacon-state', 'ad-state', 'cookie-state', 'map-state'])
      expect(state(doc, id), id).to.equal('off');
    expect(doc.getElementById('map')!.getAttribute('src')).to.equal(null);
    expect(doc.cookie).not.to.contain('qiming_demo_prefs');
  });

  it('switches on only the purpose granted, and withdraw deletes the demo cookie', async () => {
    const { win, doc } = await openSite();
    const razylyk = (win as unknown as { razylyk: Razylyk }).razylyk;
    razylyk.set({ cookies: true });
    await waitFor(() => state(doc, 'cookie-state') === 'on', 'the cookie', 15000);
    await sleep(300);
    expect(state(doc, 'beacon-state')).to.equal('off');
    expect(state(doc, 'map-state')).to.equal('off');

    doc.getElementById('withdraw')!.click();
    await waitFor(() => state(doc, 'cookie-state') === 'off', 'the cookie to be deleted', 15000);
    expect(doc.cookie).not.to.contain('qiming_demo_prefs');
    expect(localStorage.getItem('razylyk:consent')).to.equal(null);
    expect(doc.getElementById('record')!.textContent).to.equal('null');
  });
  it('shows placeholders for the map and the video until allowed, and a declarations table per purpose', async () => {
    const { win, doc } = await openSite();
    const placeholders = await waitFor(
      () => {
        const found = [...doc.querySelectorAll('razylyk-placeholder')];
        return (
          found.length === 2 &&
          found.every((el) => el.shadowRoot?.querySelector('[data-action=allow]')) &&
          found
        );
      },
      'two placeholders',
      15000,
    );
    const what = placeholders.map((el) => el.shadowRoot!.querySelector('[part=what]')!.textContent!.trim());
    expect(what).to.deep.equal(['Map of Qiming stores', 'Qiming travel mug: product video']);
    expect(doc.getElementById('map')!.getAttribute('src')).to.equal(null);
    // The demo's inline configuration is the list the review page shows.
    const razylyk = (win as unknown as { razylyk: Razylyk }).razylyk;
    const { SITE_PURPOSES } = await import('../../demo/site-purposes.js');
    expect(JSON.parse(JSON.stringify(razylyk.config.purposes))).to.deep.equal(SITE_PURPOSES);

    await razylyk.openPreferences();
    const preferences = await waitFor(
      () =>
        doc.querySelector('razylyk-preferences')?.shadowRoot?.querySelector('dialog[open]') &&
        doc.querySelector('razylyk-preferences')!,
      'the preferences',
      15000,
    );
    for (const id of ['necessary', 'cookies', 'web_beacons', 'location', 'ad_personalization'])
      expect(preferences.shadowRoot!.querySelector(`[data-purpose="${id}"] details table`), id).to.not.equal(
        null,
      );
    preferences.close();

    (placeholders[1].shadowRoot!.querySelector('[data-action=allow]') as HTMLButtonElement).click();
    await waitFor(() => state(doc, 'video-state') === 'on', 'the video', 15000);
    expect(state(doc, 'ad-state')).to.equal('on');
    await waitFor(
      () => doc.querySelectorAll('razylyk-placeholder').length === 1,
      'the video placeholder gone',
      15000,
    );
    expect(state(doc, 'map-state')).to.equal('off');
    expect((win as unknown as { __demoErrors: string[] }).__demoErrors).to.deep.equal([]);
  });
});
