/**
 * Before consent nothing leaks: on a fresh profile (this file runs in its own browser context), a
 * demo-like page (fixtures/leak.html) with gated analytics, a map, ads and preference cookies makes no
 * request and no storage write of an optional purpose until the visitor decides; after Accept all, each
 * one happens; after a withdrawal, the purposes' cookies and keys are gone.
 */
import { expect } from '@open-wc/testing';
import { closeFrames } from '../helpers/frames.js';
import { visibleBannerButton } from '../helpers/page-ui.js';
import { freshKey } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { openPage, type PageWindow, type Traffic } from './helpers.js';

const REQUEST_KINDS = new Set(['resource', 'fetch', 'xhr', 'beacon', 'image']);
const path = (win: PageWindow, url: string) => new URL(url, win.location.href).pathname;

function requests(win: PageWindow, traffic: Traffic[]): string[] {
  return traffic.filter((t) => REQUEST_KINDS.has(t.kind)).map((t) => path(win, t.what));
}

function writes(traffic: Traffic[]): string[] {
  return traffic.filter((t) => !REQUEST_KINDS.has(t.kind)).map((t) => `${t.kind}:${t.what}`);
}

const cookieNames = (win: PageWindow) =>
  win.document.cookie
    .split(';')
    .map((c) => c.split('=')[0].trim())
    .filter(Boolean)
    .sort();

/** What the page itself and razylyk's own code (the script tag, the UI module and its chunks) may fetch. */
const ALLOWED_BEFORE_CONSENT =
  /^\/(dist\/(razylyk\.js|cdn\/(ui|engine)\.js|cdn\/chunks\/[\w-]+\.js)|test\/hardening\/fixtures\/(record|leak-record)\.js)$/;

describe('before consent nothing leaks', () => {
  afterEach(closeFrames);

  it('no optional-purpose request, cookie or storage write before a choice; each happens after Accept all', async () => {
    const key = freshKey('hardening:leak');
    expect(cookieNames(window as PageWindow)).to.deep.equal([]);
    const win = await openPage(`leak.html?key=${key}`);
    const accept = await visibleBannerButton(win, 'accept');
    // Time for anything that would fire on load, on a timer, or once the UI is up.
    await sleep(1500);
    const before = win.__traffic!.slice();
    for (const url of requests(win, before)) expect(url).to.match(ALLOWED_BEFORE_CONSENT);
    expect(requests(win, before)).to.include('/dist/razylyk.js');
    // The only write before a choice is the site's own necessary cookie: razylyk writes nothing either.
    expect(writes(before)).to.deep.equal(['cookie:session']);
    expect(cookieNames(win)).to.deep.equal(['session']);
    // The wrapped setItem above saw every write of this page; here, nothing of razylyk's is stored either
    // (other test files may share the origin's storage, so only this page's keys are looked at).
    expect(
      Object.keys(win.localStorage).filter((k) => k.startsWith(key) || k === 'razylyk:consent'),
    ).to.deep.equal([]);
    expect(win.sessionStorage.length).to.equal(0);
    expect(win.document.querySelector('iframe[data-consent]')!.getAttribute('src')).to.equal(null);
    expect(win.__ran).to.deep.equal([]);

    accept.click();
    await waitFor(() => win.__ran.length === 2, `gated scripts ran: ${win.__ran}`);
    await waitFor(
      () => requests(win, win.__traffic!).some((url) => url === '/test/hardening/fixtures/map.html'),
      'the map iframe did not load',
    );
    const after = win.__traffic!.slice(before.length);
    const afterRequests = requests(win, after);
    for (const expected of [
      '/hardening-purpose/web_beacons/pixel.gif',
      '/hardening-purpose/web_beacons/collect',
      '/hardening-purpose/ad_personalization/ads.json',
      '/hardening-purpose/ad_personalization/profile',
      '/test/hardening/fixtures/map.html',
    ])
      expect(afterRequests, expected).to.include(expected);
    expect(writes(after)).to.include.members([
      `localStorage:${key}`,
      'cookie:_pref_theme',
      'localStorage:pref:theme',
      'cookie:_ga',
    ]);
    expect(cookieNames(win)).to.deep.equal(['_ga', '_pref_theme', 'session']);

    // Withdrawing deletes what the optional purposes stored; the necessary cookie stays.
    win.razylyk!.withdraw();
    await sleep(200);
    expect(cookieNames(win)).to.deep.equal(['session']);
    expect(win.localStorage.getItem('pref:theme')).to.equal(null);
    expect(win.localStorage.getItem(key)).to.equal(null);
    await visibleBannerButton(win, 'accept');
    win.document.cookie = 'session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('after Reject all, still nothing: the only new write is the refusal itself', async () => {
    const key = freshKey('hardening:leak-reject');
    const win = await openPage(`leak.html?key=${key}`);
    const reject = await visibleBannerButton(win, 'reject');
    await sleep(300);
    const before = win.__traffic!.length;
    reject.click();
    await waitFor(() => win.localStorage.getItem(key), 'the refusal was not stored');
    await sleep(1000);
    const after = win.__traffic!.slice(before);
    for (const url of requests(win, after)) expect(url).to.match(ALLOWED_BEFORE_CONSENT);
    expect(writes(after)).to.deep.equal([`localStorage:${key}`]);
    expect(win.__ran).to.deep.equal([]);
    win.document.cookie = 'session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });
});
