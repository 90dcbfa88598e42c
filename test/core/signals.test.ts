import { expect } from '@open-wc/testing';
import { storedRecord } from '../helpers/records.js';
import { nextTask } from '../helpers/wait.js';
import { cleanUp, KEY, start } from './helpers.js';

const GPC_KEY = 'globalPrivacyControl';
let savedGpc: PropertyDescriptor | undefined;

function setGpc(value: boolean): void {
  savedGpc ??= Object.getOwnPropertyDescriptor(Navigator.prototype, GPC_KEY) ?? { value: undefined };
  Object.defineProperty(Navigator.prototype, GPC_KEY, { get: () => value, configurable: true });
}
function restoreGpc(): void {
  if (!savedGpc) return;
  if ('value' in savedGpc && savedGpc.value === undefined && !savedGpc.get)
    delete (Navigator.prototype as unknown as Record<string, unknown>)[GPC_KEY];
  else Object.defineProperty(Navigator.prototype, GPC_KEY, savedGpc);
  savedGpc = undefined;
}

describe('signals: Global Privacy Control', () => {
  afterEach(() => {
    restoreGpc();
    cleanUp();
  });

  it('acceptAll leaves ad_personalization and web_beacons off and records gpc: true', async () => {
    setGpc(true);
    const consent = start();
    expect(consent.gpc).to.equal(true);
    const record = consent.acceptAll();
    await nextTask();
    expect(record.gpc).to.equal(true);
    expect(record.method).to.equal('accept_all');
    expect(consent.has('cookies')).to.equal(true);
    expect(consent.has('location')).to.equal(true);
    expect(consent.has('ad_personalization')).to.equal(false);
    expect(consent.has('web_beacons')).to.equal(false);
    expect(storedRecord(KEY)?.gpc).to.equal(true);
    expect(storedRecord(KEY)?.choices).to.include({
      ad_personalization: false,
      web_beacons: false,
      cookies: true,
    });
  });

  it('an explicit choice opts in despite GPC', () => {
    setGpc(true);
    const consent = start();
    const record = consent.set({ ad_personalization: true, web_beacons: true });
    expect(consent.has('ad_personalization')).to.equal(true);
    expect(consent.has('web_beacons')).to.equal(true);
    expect(record.gpc).to.equal(true);
  });

  it('is never treated as a decision: the visitor is still asked', async () => {
    setGpc(true);
    const consent = start();
    await nextTask();
    expect(consent.needsDecision()).to.equal(true);
    expect(consent.get()).to.equal(null);
    expect(localStorage.getItem('razylyk:consent'), Object.keys(localStorage).join()).to.equal(null);
    expect(consent.has('cookies')).to.equal(false);
  });

  it('without the signal, acceptAll grants everything and records gpc: false', () => {
    setGpc(false);
    const consent = start();
    const record = consent.acceptAll();
    expect(consent.gpc).to.equal(false);
    expect(record.gpc).to.equal(false);
    expect(consent.has('ad_personalization')).to.equal(true);
    expect(consent.has('web_beacons')).to.equal(true);
  });

  it('an operator purpose marked gpcRestricted is held back too', () => {
    setGpc(true);
    const consent = start({ purposes: [{ id: 'retargeting', gpcRestricted: true }] });
    consent.acceptAll();
    expect(consent.has('retargeting')).to.equal(false);
  });
});

type Entry = unknown[];
const isArguments = (value: unknown) => Object.prototype.toString.call(value) === '[object Arguments]';
/** The gtag() calls on the dataLayer, as arrays (each was pushed as an Arguments object). */
function consentCalls(): Entry[] {
  const layer = window.dataLayer ?? [];
  for (const item of layer)
    if (!isArguments(item) && Array.isArray(item)) throw new Error('array pushed, not Arguments');
  return layer.filter(isArguments).map((item) => Array.from(item as ArrayLike<unknown>));
}
const lastUpdate = () => {
  const updates = consentCalls().filter((c) => c[0] === 'consent' && c[1] === 'update');
  return updates[updates.length - 1]?.[2];
};
const state = (granted: string[]) => {
  const all = [
    'functionality_storage',
    'personalization_storage',
    'analytics_storage',
    'ad_storage',
    'ad_user_data',
    'ad_personalization',
  ];
  return Object.fromEntries([
    ['security_storage', 'granted'],
    ...all.map((type) => [type, granted.includes(type) ? 'granted' : 'denied']),
  ]);
};

describe('signals: Google Consent Mode v2', () => {
  afterEach(cleanUp);

  it('pushes an all-denied default (security_storage granted) before any choice', () => {
    start({ consentMode: true });
    const calls = consentCalls();
    expect(calls).to.have.length(1);
    expect(calls[0]).to.deep.equal(['consent', 'default', { ...state([]), wait_for_update: 500 }]);
    expect(isArguments(window.dataLayer![0])).to.equal(true);
  });

  it('keeps a dataLayer the page already has', () => {
    window.dataLayer = [{ event: 'page' }];
    start({ consentMode: true });
    expect(window.dataLayer[0]).to.deep.equal({ event: 'page' });
    expect(consentCalls()[0][1]).to.equal('default');
  });

  it('pushes an update after each change, following the default mapping', async () => {
    const consent = start({ consentMode: true });
    const steps: Array<[() => void, string[]]> = [
      [() => consent.set({ cookies: true }), ['functionality_storage', 'personalization_storage']],
      [
        () => consent.set({ cookies: true, web_beacons: true }),
        ['functionality_storage', 'personalization_storage', 'analytics_storage'],
      ],
      [() => consent.set({ web_beacons: true }), []],
      [() => consent.set({ ad_personalization: true }), ['ad_user_data', 'ad_personalization']],
      [
        () => consent.set({ cookies: true, ad_personalization: true }),
        [
          'functionality_storage',
          'personalization_storage',
          'ad_storage',
          'ad_user_data',
          'ad_personalization',
        ],
      ],
      [
        () => consent.acceptAll(),
        [
          'functionality_storage',
          'personalization_storage',
          'analytics_storage',
          'ad_storage',
          'ad_user_data',
          'ad_personalization',
        ],
      ],
      [() => consent.rejectAll(), []],
      [
        () => consent.acceptAll(),
        [
          'functionality_storage',
          'personalization_storage',
          'analytics_storage',
          'ad_storage',
          'ad_user_data',
          'ad_personalization',
        ],
      ],
      [() => consent.withdraw(), []],
    ];
    for (const [step, granted] of steps) {
      step();
      await nextTask();
      expect(lastUpdate(), granted.join()).to.deep.equal(state(granted));
    }
    const calls = consentCalls();
    expect(calls[0][1]).to.equal('default');
    expect(calls.slice(1).map((c) => c[1])).to.deep.equal(steps.map(() => 'update'));
  });

  it('a stored decision is pushed as an update right after the default', async () => {
    const first = start();
    first.set({ cookies: true });
    await nextTask();
    first.destroy();
    start({ consentMode: true });
    const calls = consentCalls();
    expect(calls.map((c) => c[1])).to.deep.equal(['default', 'update']);
    expect(calls[1][2]).to.deep.equal(state(['functionality_storage', 'personalization_storage']));
  });

  it('follows a custom mapping', async () => {
    const consent = start({
      consentMode: { analytics_storage: ['web_beacons'], ad_storage: ['ad_personalization', 'cookies'] },
    });
    expect(consentCalls()[0][2]).to.deep.equal({
      security_storage: 'granted',
      analytics_storage: 'denied',
      ad_storage: 'denied',
      wait_for_update: 500,
    });
    consent.set({ web_beacons: true, ad_personalization: true });
    await nextTask();
    expect(lastUpdate()).to.deep.equal({
      security_storage: 'granted',
      analytics_storage: 'granted',
      ad_storage: 'denied',
    });
  });

  it('grants a type mapped to a required operator purpose once the visitor decides', async () => {
    const consent = start({
      purposes: [{ id: 'fraud_check', required: true }],
      consentMode: { security_storage: ['fraud_check'], functionality_storage: ['fraud_check', 'necessary'] },
    });
    consent.rejectAll();
    await nextTask();
    expect(lastUpdate()).to.deep.equal({ security_storage: 'granted', functionality_storage: 'granted' });
  });

  it('pushes nothing with consentMode: false', async () => {
    const consent = start();
    consent.acceptAll();
    await nextTask();
    consent.withdraw();
    await nextTask();
    expect(window.dataLayer).to.equal(undefined);
  });
});
