import { expect } from '@open-wc/testing';
import { getRazylyk, resetRazylyk, type Razylyk } from '../../src/core/instance.js';
import type { RazylykConfig } from '../../src/core/types.js';
import { pageContract } from '../../src/core/page-contract.js';
import { connectUi, type ImportUi } from '../../src/embed/ui-loader.js';
import { FALLBACK_ATTRIBUTE } from '../../src/embed/fallback.js';
import { captureConsole } from '../helpers/console.js';
import { sleep, waitFor } from '../helpers/wait.js';

const KEY = 'embed-test:connect';

/** A stand-in UI module: mounting puts a marker element on the page, as the real one puts the banner. */
function fakeUi(failures = 0) {
  let attempts = 0;
  const importUi: ImportUi = async () => {
    attempts += 1;
    if (attempts <= failures) throw new TypeError('Failed to fetch dynamically imported module');
    return {
      mountUi(_instance: Razylyk, options: object) {
        const marker = document.createElement('fake-ui');
        marker.dataset.options = JSON.stringify(options);
        document.body.append(marker);
        pageContract().wiring!.attachUi({
          openPreferences: () => void marker.setAttribute('open', ''),
          setLanguage: () => {},
        });
      },
    };
  };
  return { importUi, attempts: () => attempts };
}

const marker = () => document.querySelector('fake-ui');
const fallback = () => document.querySelector(`[${FALLBACK_ATTRIBUTE}]`);

function start(config: RazylykConfig = {}) {
  resetRazylyk();
  return getRazylyk({
    storageKey: KEY,
    consentMode: false,
    gating: false,
    geolocationGuard: false,
    ...config,
  });
}

describe('embed/ui-loader connectUi', () => {
  let consoleErrors: ReturnType<typeof captureConsole>;
  let errors: string[];
  beforeEach(() => {
    localStorage.removeItem(KEY);
    consoleErrors = captureConsole('error');
    errors = consoleErrors.messages;
  });
  afterEach(() => {
    consoleErrors.restore();
    for (const el of document.querySelectorAll(`fake-ui, [${FALLBACK_ATTRIBUTE}], [data-razylyk-open]`))
      el.remove();
    resetRazylyk();
    localStorage.removeItem(KEY);
  });

  it('mounts the UI with the UI options of the config when the visitor must decide', async () => {
    const { importUi } = fakeUi();
    expect(connectUi(start({ layout: 'box', language: 'de' }), importUi, { theme: 'dark' })).to.equal(true);
    await waitFor(marker, 'the UI was not mounted', 1000);
    expect(JSON.parse(marker()!.getAttribute('data-options')!)).to.deep.equal({
      language: 'de',
      layout: 'box',
      theme: 'dark',
    });
  });

  it('a second copy on the page adds nothing', async () => {
    const razylyk = start();
    const first = fakeUi();
    const second = fakeUi();
    connectUi(razylyk, first.importUi);
    expect(connectUi(razylyk, second.importUi)).to.equal(false);
    await waitFor(marker, undefined, 1000);
    expect(document.querySelectorAll('fake-ui')).to.have.length(1);
    expect(second.attempts()).to.equal(0);
  });

  it('a failed import reports the error and shows the fallback notice at once (no retry)', async () => {
    const { importUi, attempts } = fakeUi(1);
    connectUi(start(), importUi);
    await waitFor(fallback, 'no fallback notice', 1000);
    expect(attempts()).to.equal(1);
    expect(marker()).to.equal(null);
    expect(errors.some((line) => line.startsWith('[razylyk] The razylyk UI could not be loaded'))).to.equal(
      true,
    );
  });

  it('after a failed import, the visitor asking for the preferences tries again and gets the UI', async () => {
    const { importUi, attempts } = fakeUi(1);
    const razylyk = start();
    connectUi(razylyk, importUi);
    await waitFor(fallback, 'no fallback notice', 1000);
    await razylyk.openPreferences();
    expect(attempts()).to.equal(2);
    expect(marker()?.hasAttribute('open')).to.equal(true);
  });

  it('loads nothing for a returning visitor, until they click a [data-razylyk-open] element', async () => {
    const razylyk = start();
    razylyk.rejectAll();
    await Promise.resolve();
    const { importUi, attempts } = fakeUi();
    connectUi(razylyk, importUi);
    await sleep(50);
    expect(attempts()).to.equal(0);
    expect(marker()).to.equal(null);

    const opener = document.createElement('button');
    opener.setAttribute('data-razylyk-open', '');
    document.body.append(opener);
    opener.click();
    await waitFor(() => marker()?.hasAttribute('open'), 'the preferences did not open', 1000);
  });

  it('shows the fallback to a returning visitor who asks for the preferences when the UI cannot load', async () => {
    const razylyk = start();
    razylyk.acceptAll();
    await Promise.resolve();
    connectUi(razylyk, fakeUi(99).importUi);
    await sleep(50);
    expect(fallback()).to.equal(null);
    let failed = false;
    await razylyk.openPreferences().catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(fallback()).not.to.equal(null);
  });

  it('loads the UI again after a withdrawal asks the visitor again', async () => {
    const razylyk = start();
    razylyk.acceptAll();
    await Promise.resolve();
    const { importUi, attempts } = fakeUi();
    connectUi(razylyk, importUi);
    razylyk.withdraw();
    await waitFor(marker, 'the withdrawal did not bring the UI', 1000);
    expect(attempts()).to.equal(1);
  });
});
