/**
 * The UI chunk cannot load (here: the page's CSP allows dist/razylyk.js but not dist/cdn/ui.js):
 * gated scripts stay blocked and a minimal notice still lets the visitor decide.
 */
import { expect } from '@open-wc/testing';
import { closeFrames } from '../helpers/frames.js';
import { fallbackNotice } from '../helpers/page-ui.js';
import { clearKeys } from '../helpers/storage.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { openFixture } from './helpers.js';

describe('script tag when the UI cannot load', () => {
  afterEach(closeFrames);

  it('keeps gated scripts blocked and shows a notice with equal Accept all / Reject all', async () => {
    clearKeys('embed:blocked-ui');
    const win = await openFixture('blocked-ui');
    const { root, accept, reject } = await fallbackNotice(win);
    expect(win.__gatedRan).to.equal(undefined);
    expect(accept.textContent).to.equal('Accept all');
    expect(reject.textContent).to.equal('Reject all');
    const a = accept.getBoundingClientRect();
    const r = reject.getBoundingClientRect();
    expect(a.width).to.be.greaterThan(0);
    expect(Math.abs(a.width - r.width)).to.be.lessThan(2);
    expect(Math.abs(a.height - r.height)).to.be.lessThan(2);
    expect(win.getComputedStyle(accept).backgroundColor).to.equal(
      win.getComputedStyle(reject).backgroundColor,
    );
    expect(root.querySelector('h2')!.textContent).to.equal('Your privacy matters to us');
    expect(win.document.querySelector('razylyk-banner')).to.equal(null);
    expect(win.__log.consoleErrors.some((m) => m.includes('UI could not be loaded'))).to.equal(true);
    expect(win.__log.errors).to.deep.equal([]);

    accept.click();
    await waitFor(() => win.__gatedRan === 1, 'the gated script did not run after Accept all', 1000);
    const stored = JSON.parse(win.localStorage.getItem('embed:blocked-ui')!);
    expect(stored.method).to.equal('accept_all');
    expect(stored.choices.cookies).to.equal(true);
    expect(win.document.querySelector('[data-razylyk-fallback]')).to.equal(null);
  });

  it('speaks the page language when it has the text (Turkmen), and records a refusal', async () => {
    clearKeys('embed:blocked-ui-tk');
    const win = await openFixture('blocked-ui-tk');
    const { reject, accept } = await fallbackNotice(win);
    expect(accept.textContent).to.equal('Hemmesini kabul et');
    expect(reject.textContent).to.equal('Hemmesini ret et');
    reject.click();
    await sleep(100);
    const stored = JSON.parse(win.localStorage.getItem('embed:blocked-ui-tk')!);
    expect(stored.method).to.equal('reject_all');
    expect(stored.language).to.equal('tk');
    expect(win.__gatedRan).to.equal(undefined);
  });
});
