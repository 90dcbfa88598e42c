import { expect } from '@open-wc/testing';
import { createConsent } from '../../src/core/consent.js';
import { createSafeStorage } from '../../src/core/storage.js';
import { captureWarnings } from '../helpers/console.js';
import { recordChanges } from '../helpers/events.js';
import { nextTask } from '../helpers/wait.js';
import { cleanUp, KEY, NS, start, track } from './helpers.js';

declare global {
  interface Window {
    storageGatedRuns?: string[];
  }
}

type Restore = () => void;

function replaceMethod<K extends 'getItem' | 'setItem'>(name: K, error: DOMException): Restore {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function () {
    throw error;
  } as Storage[K];
  return () => {
    Storage.prototype[name] = original;
  };
}

function replaceLocalStorage(descriptor: PropertyDescriptor): Restore {
  const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', { configurable: true, ...descriptor });
  return () => {
    if (own) Object.defineProperty(window, 'localStorage', own);
    else delete (window as { localStorage?: Storage }).localStorage;
  };
}

const failures: Array<[string, () => Restore]> = [
  [
    'getItem throws SecurityError',
    () => replaceMethod('getItem', new DOMException('denied', 'SecurityError')),
  ],
  [
    'setItem throws QuotaExceededError',
    () => replaceMethod('setItem', new DOMException('full', 'QuotaExceededError')),
  ],
  [
    'window.localStorage throws on access',
    () =>
      replaceLocalStorage({
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      }),
  ],
  ['window.localStorage is missing', () => replaceLocalStorage({ value: null })],
];

describe('storage: safe localStorage', () => {
  afterEach(() => {
    cleanUp();
    document.querySelectorAll('[data-storage-test]').forEach((el) => el.remove());
    delete window.storageGatedRuns;
  });

  it('reads, writes and removes the configured key', () => {
    const storage = createSafeStorage(`${NS}custom`);
    expect(storage.read()).to.equal(null);
    storage.write('{"a":1}');
    expect(localStorage.getItem(`${NS}custom`)).to.equal('{"a":1}');
    expect(storage.read()).to.equal('{"a":1}');
    storage.remove();
    expect(localStorage.getItem(`${NS}custom`)).to.equal(null);
  });

  it('the controller stores under razylyk:consent by default and under config.storageKey', async () => {
    const byDefault = track(createConsent({ consentMode: false }));
    byDefault.acceptAll();
    byDefault.destroy();
    const stored = localStorage.getItem('razylyk:consent');
    localStorage.removeItem('razylyk:consent');
    expect(JSON.parse(stored!).method).to.equal('accept_all');

    const custom = start({ storageKey: `${NS}site` });
    custom.rejectAll();
    await nextTask();
    expect(JSON.parse(localStorage.getItem(`${NS}site`)!).method).to.equal('reject_all');
  });

  for (const [what, fail] of failures) {
    it(`${what}: keeps working in memory, warns once, and the choice takes effect`, async () => {
      window.storageGatedRuns = [];
      const gated = document.createElement('script');
      gated.type = 'text/plain';
      gated.dataset.consent = 'cookies';
      gated.setAttribute('data-storage-test', '');
      gated.text = 'window.storageGatedRuns.push("ran")';
      document.body.append(gated);

      const warnings = captureWarnings();
      const events = recordChanges();
      const restore = fail();
      try {
        const consent = start();
        expect(consent.needsDecision()).to.equal(true);
        consent.set({ cookies: true });
        await nextTask();
        expect(consent.has('cookies')).to.equal(true);
        expect(consent.get()?.choices.cookies).to.equal(true);
        expect(consent.needsDecision()).to.equal(false);
        expect(events.records.map((r) => r.method)).to.deep.equal(['custom']);
        expect(window.storageGatedRuns).to.deep.equal(['ran']);

        // Further decisions keep working without further warnings.
        consent.rejectAll();
        await nextTask();
        consent.acceptAll();
        await nextTask();
        expect(consent.get()?.method).to.equal('accept_all');
        expect(consent.has('location')).to.equal(true);
      } finally {
        restore();
        warnings.restore();
        events.stop();
      }
      const storageWarnings = warnings.messages.filter((m) => m.includes('localStorage'));
      expect(storageWarnings, warnings.messages.join('\n')).to.have.length(1);
      expect(warnings.messages).to.have.length(1);
    });
  }

  it('the memory fallback keeps the latest value for the page', () => {
    const restore = replaceMethod('setItem', new DOMException('full', 'QuotaExceededError'));
    const warnings = captureWarnings();
    try {
      const storage = createSafeStorage(KEY);
      storage.write('first');
      storage.write('second');
      expect(storage.read()).to.equal('second');
      storage.remove();
      expect(storage.read()).to.equal(null);
    } finally {
      restore();
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(1);
  });
});
