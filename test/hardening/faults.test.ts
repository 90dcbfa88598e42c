/**
 * Faults, end to end on the script-tag page (fixtures/host.html loading dist/razylyk.js): bad stored
 * values, locale chunks that fail to load, a UI module or the dialogs' chunk that fails to load, and no
 * network at all. In every
 * case the visitor can still decide and no gated script runs before they do.
 */
import { expect } from '@open-wc/testing';
import tkUi from '../../locales/tk/ui.json';
import { closeFrames } from '../helpers/frames.js';
import { fallbackNotice, isShown, shadowPart, visibleBannerButton } from '../helpers/page-ui.js';
import { storedRecord } from '../helpers/records.js';
import { freshKey } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { instanceOf, openPage, type PageWindow } from './helpers.js';
import type { ConsentRecord } from '../../src/core/types.js';

const DAY = 24 * 60 * 60 * 1000;

async function expectBannerAndNothingRan(win: PageWindow, why: string): Promise<void> {
  const accept = await visibleBannerButton(win, 'accept');
  await sleep(150);
  expect(win.__ran, `${why}: a gated script ran`).to.deep.equal([]);
  expect(win.razylyk!.needsDecision(), `${why}: treated as decided`).to.equal(true);
  expect(win.__log.errors, `${why}: uncaught errors`).to.deep.equal([]);
  expect(isShown(accept)).to.equal(true);
}

/** Opens the script-tag page under `fault`, clicks Customize and waits for the preferences to show. */
async function customizeUnder(fault: string, key: string) {
  const win = await openPage(`host.html?fault=${fault}&key=${key}`);
  (await visibleBannerButton(win, 'customize')).click();
  const preferences = () => win.document.querySelector('razylyk-preferences');
  const dialog = await shadowPart<HTMLDialogElement>(
    preferences,
    'dialog[open]',
    'the preferences did not open',
  );
  await waitFor(() => isShown(dialog), 'the preferences are not visible');
  return { win, preferences };
}

describe('bad stored values on the script-tag page', () => {
  let valid: ConsentRecord;

  before(async () => {
    const key = freshKey('hardening:seed');
    const win = await openPage(`host.html?key=${key}`);
    (await instanceOf(win)).acceptAll();
    await waitFor(() => storedRecord(key, win), 'the seeding visit stored nothing');
    valid = storedRecord(key, win)!;
    closeFrames();
  });
  afterEach(closeFrames);

  const variant = (change: (record: Record<string, unknown>) => void) => {
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };

  const cases: Array<[string, () => string]> = [
    ['the string "false"', () => 'false'],
    ['the JSON string "false"', () => '"false"'],
    ['corrupt JSON', () => JSON.stringify(valid).slice(0, 40)],
    ['null', () => 'null'],
    ['an array', () => '[]'],
    ['an empty string', () => ''],
    [
      'choices as strings ("true")',
      () => variant((r) => (r.choices = { cookies: 'true', web_beacons: 'true' })),
    ],
    [
      'choices "false" strings for a granted record',
      () => variant((r) => ((r.choices as object as Record<string, string>).necessary = 'false')),
    ],
    ['a __proto__ key', () => JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"polluted":1},')],
    [
      'a decision dated in the future',
      () =>
        variant((r) => {
          r.decidedAt = new Date(Date.now() + 30 * DAY).toISOString();
          r.expiresAt = new Date(Date.now() + 60 * DAY).toISOString();
        }),
    ],
    [
      'an expired decision',
      () =>
        variant((r) => {
          r.decidedAt = new Date(Date.now() - 400 * DAY).toISOString();
          r.expiresAt = new Date(Date.now() - 10 * DAY).toISOString();
        }),
    ],
    ['a newer schema', () => variant((r) => (r.schema = 2))],
    ['another policy version', () => variant((r) => (r.policyVersion = 'an-older-policy'))],
    ['a huge value', () => `{"schema":1,"pad":"${'x'.repeat(20_000)}"}`],
  ];

  for (const [name, value] of cases) {
    it(`${name}: the banner asks again and no gated script runs`, async () => {
      const key = freshKey('hardening:bad');
      localStorage.setItem(key, value());
      const win = await openPage(`host.html?key=${key}`);
      await expectBannerAndNothingRan(win, name);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect((win.Object.prototype as unknown as Record<string, unknown>).polluted).to.equal(undefined);
    });
  }

  it('a tampered value is reported with a console warning naming the problem', async () => {
    const key = freshKey('hardening:warn');
    localStorage.setItem(
      key,
      variant((r) => (r.choices = { cookies: 'true' })),
    );
    const win = await openPage(`host.html?key=${key}`);
    await visibleBannerButton(win, 'accept');
    expect(
      win.__log.consoleWarns.some((m) =>
        /Ignoring the stored consent.*boolean.*"cookies"|"cookies".*boolean/.test(m),
      ),
    ).to.equal(true, win.__log.consoleWarns.join('\n'));
  });

  it('the valid record itself is honoured (the cases above fail for the reason they name)', async () => {
    const key = freshKey('hardening:valid');
    localStorage.setItem(key, JSON.stringify(valid));
    const win = await openPage(`host.html?key=${key}`);
    await waitFor(() => win.__ran.length === 3, `gated scripts ran: ${win.__ran}`);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
  });
});

describe('a locale chunk that fails to load', () => {
  afterEach(closeFrames);

  for (const fault of ['locale-404', 'locale-500', 'locale-garbage', 'locale-shape']) {
    it(`${fault}: the banner renders in the bundled Turkmen with a warning, and still decides`, async () => {
      const key = freshKey(`hardening:${fault}`);
      const win = await openPage(`host.html?fault=${fault}&lang=en&key=${key}`);
      await expectBannerAndNothingRan(win, fault);
      const banner = win.document.querySelector('razylyk-banner')!;
      const title = await shadowPart(() => banner, '[part~="title"]');
      expect(title.textContent!.trim()).to.equal(tkUi.banner.title);
      expect(win.__log.consoleWarns.some((m) => m.includes('"en" interface strings'))).to.equal(true);
      (await visibleBannerButton(win, 'reject')).click();
      await waitFor(() => storedRecord(key, win), 'the refusal was not stored');
      expect(storedRecord(key, win)!.method).to.equal('reject_all');
      expect(win.__ran).to.deep.equal([]);
    });
  }
});

/** The UI modules the page asked for, in order. */
const uiModuleFetches = (win: PageWindow): string[] =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname.replace(/^.*\/dist\/cdn\//, ''))
    .filter((file) => file === 'ui.js');

describe('the UI module fails to load', () => {
  afterEach(closeFrames);

  it('down for good: gated scripts stay blocked and the minimal notice decides', async () => {
    const key = freshKey('hardening:ui-down');
    const win = await openPage(`host.html?fault=ui-down&key=${key}`);
    const { accept, reject } = await fallbackNotice(win);
    expect(isShown(accept) && isShown(reject)).to.equal(true);
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    expect(win.__log.consoleErrors.some((m) => m.includes('UI could not be loaded'))).to.equal(true);
    // One attempt: browsers remember a failed module address, and dist/ ships no second copy of the UI.
    expect(uiModuleFetches(win)).to.deep.equal(['ui.js']);
    await sleep(150);
    expect(win.__ran).to.deep.equal([]);
    accept.click();
    await waitFor(() => win.__ran.length === 3, `gated scripts ran: ${win.__ran}`);
    expect(storedRecord(key, win)!.method).to.equal('accept_all');
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('offline (every UI chunk request fails): the notice decides; the privacy-settings button shows it again later', async () => {
    const key = freshKey('hardening:offline');
    const win = await openPage(`host.html?fault=offline&key=${key}`);
    const { reject } = await fallbackNotice(win);
    expect(win.__ran).to.deep.equal([]);
    reject.click();
    await waitFor(() => storedRecord(key, win), 'the refusal was not stored');
    expect(storedRecord(key, win)!.method).to.equal('reject_all');
    expect(win.document.querySelector('[data-razylyk-fallback]')).to.equal(null);
    // Reopening after a decision still offers the choice, though the full UI cannot load.
    win.document.querySelector<HTMLButtonElement>('[data-razylyk-open]')!.click();
    const again = await fallbackNotice(win);
    again.accept.click();
    await waitFor(() => win.__ran.length === 3, `gated scripts ran: ${win.__ran}`);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('the engine unreachable too (dist/cdn down): nothing decides, so only necessary gated scripts run, with one clear error', async () => {
    const key = freshKey('hardening:cdn-down');
    const win = await openPage(`host.html?fault=cdn-down&key=${key}`);
    await waitFor(
      () => win.__log.consoleErrors.some((m) => m.includes('Could not load cdn/engine.js')),
      'no console error naming the engine',
    );
    // The first stage gates on its own: what is necessary runs without the engine, nothing else.
    const necessary = win.document.createElement('script');
    necessary.type = 'text/plain';
    necessary.dataset.consent = 'necessary';
    necessary.text = "window.__ran.push('inline:necessary')";
    win.document.body.append(necessary);
    await waitFor(() => win.__ran.includes('inline:necessary'), 'the necessary script did not run');
    // The light window.razylyk still answers: no decision, nothing granted.
    expect(win.razylyk!.needsDecision()).to.equal(true);
    expect(win.razylyk!.has('cookies')).to.equal(false);
    let refused: unknown;
    // On the light instance a decision waits for the engine: here it is refused.
    const decided = win.razylyk!.acceptAll() as unknown as Promise<unknown>;
    await decided.catch((err: unknown) => (refused = err));
    expect(String(refused)).to.contain('engine.js');
    win.document.querySelector<HTMLButtonElement>('[data-razylyk-open]')!.click();
    await sleep(500);
    expect(win.__ran).to.deep.equal(['inline:necessary']);
    expect(storedRecord(key, win)).to.equal(null);
    expect(win.__log.errors).to.deep.equal([]);
  });
});

const dialogsChunkFetches = (win: PageWindow): string[] =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((url) => url.pathname.endsWith('/dist/cdn/chunks/dialog-elements.js'))
    .map((url) => `dialog-elements.js${url.search}`);

describe("the dialogs' chunk (preferences, policy reader) fails to load", () => {
  afterEach(closeFrames);

  it('down once: Customize retries it under its own address and the preferences open', async () => {
    const { win } = await customizeUnder('dialogs-flaky', freshKey('hardening:dialogs-flaky'));
    expect(dialogsChunkFetches(win)).to.deep.equal(['dialog-elements.js', 'dialog-elements.js?retry=1']);
    expect(win.__log.consoleErrors).to.deep.equal([]);
    expect(win.__log.errors).to.deep.equal([]);
  });

  it('down for good: Customize and the policy link each report a clear error, nothing is thrown at the page, Accept all still decides', async () => {
    const key = freshKey('hardening:dialogs-down');
    const win = await openPage(`host.html?fault=dialogs-down&key=${key}`);
    (await visibleBannerButton(win, 'customize')).click();
    await waitFor(
      () => win.__log.consoleErrors.some((m) => m.includes('The preferences could not be opened')),
      'no console error for the preferences',
    );
    (await visibleBannerButton(win, 'policy-link')).click();
    await waitFor(
      () => win.__log.consoleErrors.some((m) => m.includes('The privacy policy could not be opened')),
      'no console error for the policy',
    );
    expect(win.__log.consoleErrors).to.have.length(2);
    // No unhandled rejection or uncaught error reached the page.
    expect(win.__log.errors).to.deep.equal([]);
    expect(win.document.querySelector('razylyk-preferences')).to.equal(null);
    expect(win.__ran).to.deep.equal([]);
    (await visibleBannerButton(win, 'accept')).click();
    await waitFor(() => win.__ran.length === 3, `gated scripts ran: ${win.__ran}`);
    expect(storedRecord(key, win)!.method).to.equal('accept_all');
  });
});
