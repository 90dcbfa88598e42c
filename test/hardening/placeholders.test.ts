/**
 * Placeholders on real host pages with the built script tag: the request log shows nothing of the
 * blocked map before a click, and the placeholder works under a strict CSP with Trusted Types, on a
 * first visit and on a returning visit that refused (the first stage then starts the engine for it).
 */
import { expect } from '@open-wc/testing';
import { closeFrames } from '../helpers/frames.js';
import { deepElements, visibleBannerButton } from '../helpers/page-ui.js';
import { storedRecord } from '../helpers/records.js';
import { freshKey } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { instanceOf, openPage, type PageWindow } from './helpers.js';

const MAP = '/test/hardening/fixtures/map.html';
const mapRequests = (win: PageWindow) =>
  win.__traffic!.filter((t) => new URL(t.what, win.location.href).pathname === MAP).length;

async function placeholderButton(win: PageWindow, action: string): Promise<HTMLButtonElement> {
  const find = () =>
    win.document
      .querySelector('razylyk-placeholder')
      ?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  await waitFor(() => find(), `no placeholder button ${action}`, 8000);
  return find()!;
}

describe('placeholders on a host page (dist)', () => {
  afterEach(closeFrames);

  it('the request log shows no request to the blocked map until Load once; nothing is recorded', async () => {
    const key = freshKey('hardening:placeholder-leak');
    const win = await openPage(`leak.html?key=${key}`);
    await visibleBannerButton(win, 'accept');
    const loadOnce = await placeholderButton(win, 'load-once');
    await sleep(800);
    expect(mapRequests(win), 'map requested before a click').to.equal(0);
    loadOnce.click();
    // The map's own document is there (WebKit lists no resource entry for a frame navigation).
    const frame = win.document.querySelector<HTMLIFrameElement>('iframe[data-consent]')!;
    await waitFor(
      () => frame.contentWindow?.location.pathname === MAP,
      'the map did not load after Load once',
      8000,
    );
    expect(storedRecord(key, win)).to.equal(null);
    expect(win.document.querySelector('razylyk-placeholder')).to.equal(null);
    expect(win.__ran).to.deep.equal([]);
  });

  it('strict CSP with Trusted Types: a returning visitor who refused gets the placeholder, and Allow loads the map', async () => {
    const key = freshKey('hardening:placeholder-csp');
    let win = await openPage(`csp.html?csp=strict&key=${key}`);
    (await visibleBannerButton(win, 'reject')).click();
    await waitFor(() => storedRecord(key, win), 'the refusal was not stored');
    closeFrames();
    win = await openPage(`csp.html?csp=strict&key=${key}`);
    const allow = await placeholderButton(win, 'allow');
    const iframe = win.document.querySelector('iframe[data-consent]')!;
    expect(iframe.getAttribute('src')).to.equal(null);
    allow.click();
    await waitFor(() => iframe.getAttribute('src') === MAP, 'the map did not load after Allow');
    const instance = await instanceOf(win);
    expect(instance.has('location')).to.equal(true);
    expect(storedRecord(key, win)!.method).to.equal('custom');
    expect(deepElements(win.document).filter((el) => el.hasAttribute('style'))).to.deep.equal([]);
    expect(win.__log.violations, 'CSP violations').to.deep.equal([]);
    expect(win.__log.errors, 'uncaught errors').to.deep.equal([]);
    expect(win.__log.consoleErrors, 'console errors').to.deep.equal([]);
  });
});
