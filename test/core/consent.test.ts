import { expect } from '@open-wc/testing';
import { DEFAULT_LIFETIME_DAYS } from '../../src/core/options.js';
import { DEFAULT_POLICY_VERSION } from '../../src/core/policy-version.generated.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { captureWarnings } from '../helpers/console.js';
import { recordChanges } from '../helpers/events.js';
import { storedRecord, validRecord } from '../helpers/records.js';
import { setCookies } from '../helpers/storage.js';
import { nextTask } from '../helpers/wait.js';
import { cleanUp, KEY, NS, start } from './helpers.js';

const DAY_MS = 86_400_000;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const lifetimeDays = (r: ConsentRecord) => (Date.parse(r.expiresAt) - Date.parse(r.decidedAt)) / DAY_MS;

describe('controller: the record', () => {
  afterEach(cleanUp);

  it('has the documented shape and is stored as JSON under the storage key', async () => {
    const consent = start({ language: 'tk' });
    const before = Date.now();
    const record = consent.set({ cookies: true }, { textHash: 'abc123', language: 'en' });
    await nextTask();
    expect(Object.keys(record).sort()).to.deep.equal(
      [
        'schema',
        'id',
        'policyVersion',
        'textHash',
        'language',
        'decidedAt',
        'expiresAt',
        'method',
        'choices',
        'gpc',
      ].sort(),
    );
    expect(record.schema).to.equal(1);
    expect(record.id).to.match(UUID_V4);
    expect(record.policyVersion).to.equal(DEFAULT_POLICY_VERSION);
    expect(record.textHash).to.equal('abc123');
    expect(record.language).to.equal('en');
    expect(record.method).to.equal('custom');
    expect(record.gpc).to.equal(false);
    expect(record.choices).to.deep.equal({
      necessary: true,
      cookies: true,
      web_beacons: false,
      location: false,
      ad_personalization: false,
    });
    expect(Date.parse(record.decidedAt)).to.be.within(before, Date.now());
    expect(storedRecord(KEY)).to.deep.equal(record);
  });

  it('takes policyVersion from config and the language from config when the UI gives none', () => {
    const consent = start({ policyVersion: 'v7', language: 'tk' });
    const record = consent.acceptAll();
    expect(record.policyVersion).to.equal('v7');
    expect(record.language).to.equal('tk');
  });

  it('gives every decision a distinct random id', () => {
    const consent = start();
    const ids = [
      consent.acceptAll(),
      consent.rejectAll(),
      consent.set({}),
      consent.withdraw(),
      consent.acceptAll(),
    ].map((r) => r.id);
    expect(new Set(ids).size).to.equal(5);
    for (const id of ids) expect(id).to.match(UUID_V4);
  });

  it('names the method of each decision', () => {
    const consent = start();
    expect(consent.acceptAll().method).to.equal('accept_all');
    expect(consent.rejectAll().method).to.equal('reject_all');
    expect(consent.set({ cookies: true }).method).to.equal('custom');
    expect(consent.withdraw().method).to.equal('withdraw');
  });
});

describe('controller: lifetime and re-asking', () => {
  afterEach(cleanUp);

  it('keeps a decision 182 days by default', () => {
    const consent = start();
    expect(DEFAULT_LIFETIME_DAYS).to.equal(182);
    expect(lifetimeDays(consent.acceptAll())).to.equal(182);
  });

  it('remembers a refusal as long as a consent', async () => {
    const consent = start({ lifetimeDays: 30 });
    const refusal = consent.rejectAll();
    await nextTask();
    expect(lifetimeDays(refusal)).to.equal(30);
    expect(lifetimeDays(storedRecord(KEY)!)).to.equal(30);
    expect(lifetimeDays(consent.acceptAll())).to.equal(30);
  });

  it('caps a lifetime over 395 days with a warning', () => {
    const warnings = captureWarnings();
    const consent = start({ lifetimeDays: 1000 });
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/lifetimeDays/);
    expect(lifetimeDays(consent.acceptAll())).to.equal(395);
  });

  it('falls back to 182 days, with a warning, for a nonsensical lifetime', () => {
    const warnings = captureWarnings();
    const consent = start({ lifetimeDays: -5 });
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(lifetimeDays(consent.acceptAll())).to.equal(182);
  });

  it('asks again when the stored decision has expired', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify(
        validRecord({
          decidedAt: new Date(Date.now() - 183 * DAY_MS).toISOString(),
          expiresAt: new Date(Date.now() - DAY_MS).toISOString(),
        }),
      ),
    );
    const consent = start({ policyVersion: 'test-policy' });
    expect(consent.needsDecision()).to.equal(true);
    expect(consent.has('cookies')).to.equal(false);
  });

  it('asks again when the policy version changes', async () => {
    const first = start({ policyVersion: 'v1' });
    first.acceptAll();
    await nextTask();
    first.destroy();
    const same = start({ policyVersion: 'v1' });
    expect(same.needsDecision()).to.equal(false);
    expect(same.has('cookies')).to.equal(true);
    same.destroy();
    const changed = start({ policyVersion: 'v2' });
    expect(changed.needsDecision()).to.equal(true);
    expect(changed.has('cookies')).to.equal(false);
  });

  it('asks again when an operator purpose was added after the decision', async () => {
    const first = start();
    first.acceptAll();
    await nextTask();
    first.destroy();
    const later = start({ purposes: [{ id: 'chat' }] });
    expect(later.needsDecision()).to.equal(true);
  });

  it('asks again when a required purpose was added after the decision: the visitor is told of it', async () => {
    // One rule with the script tag's first stage (src/core/returning.ts): every purpose decided.
    const first = start();
    first.acceptAll();
    await nextTask();
    first.destroy();
    const later = start({ purposes: [{ id: 'fraud_check', required: true }] });
    expect(later.needsDecision()).to.equal(true);
    expect(later.has('fraud_check')).to.equal(true);
  });
});

describe('controller: API', () => {
  afterEach(() => {
    cleanUp();
    document.cookie = 'ctl_track_id=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    document.cookie = 'ctl_ga_X1=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    document.cookie = 'ctl_keep_me=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('starts with no decision: only necessary is granted', () => {
    const consent = start();
    expect(consent.get()).to.equal(null);
    expect(consent.needsDecision()).to.equal(true);
    expect(consent.has('necessary')).to.equal(true);
    for (const purpose of ['cookies', 'web_beacons', 'location', 'ad_personalization', 'unknown'])
      expect(consent.has(purpose), purpose).to.equal(false);
  });

  it('acceptAll grants every purpose; rejectAll denies all but necessary', () => {
    const consent = start();
    consent.acceptAll();
    expect(['cookies', 'web_beacons', 'location', 'ad_personalization'].every(consent.has)).to.equal(true);
    expect(consent.needsDecision()).to.equal(false);
    consent.rejectAll();
    expect(['cookies', 'web_beacons', 'location', 'ad_personalization'].some(consent.has)).to.equal(false);
    expect(consent.has('necessary')).to.equal(true);
    expect(consent.needsDecision()).to.equal(false);
    expect(consent.get()?.method).to.equal('reject_all');
  });

  it('set grants only literal true, denies purposes not named', () => {
    const consent = start();
    consent.set({
      cookies: true,
      location: 'yes' as unknown as boolean,
      web_beacons: 1 as unknown as boolean,
    });
    expect(consent.get()?.choices).to.deep.equal({
      necessary: true,
      cookies: true,
      web_beacons: false,
      location: false,
      ad_personalization: false,
    });
  });

  it('set with a non-object denies optional purposes with a warning, never throws', () => {
    const consent = start();
    consent.acceptAll();
    const warnings = captureWarnings();
    consent.set(null as unknown as Record<string, boolean>);
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(consent.has('cookies')).to.equal(false);
  });

  it('withdraw clears the record, denies everything, deletes declared data, asks again', async () => {
    const consent = start({
      purposes: [
        { id: 'cookies', cookies: ['ctl_track_id'], storageKeys: [`${NS}tracker:*`] },
        { id: 'web_beacons', cookies: [/^ctl_ga/], storageKeys: [new RegExp(`^${NS}beacon\\.`)] },
      ],
    });
    consent.acceptAll();
    await nextTask();
    await setCookies({ ctl_track_id: '1', ctl_ga_X1: '2', ctl_keep_me: '3' });
    localStorage.setItem(`${NS}tracker:a`, '1');
    localStorage.setItem(`${NS}beacon.queue`, '1');
    localStorage.setItem(`${NS}app:settings`, '1');
    const events = recordChanges();

    const record = consent.withdraw();
    await nextTask();
    events.stop();

    expect(record.method).to.equal('withdraw');
    expect(
      Object.entries(record.choices)
        .filter(([, v]) => v)
        .map(([k]) => k),
    ).to.deep.equal(['necessary']);
    expect(consent.get()).to.equal(null);
    expect(consent.needsDecision()).to.equal(true);
    expect(consent.has('cookies')).to.equal(false);
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(document.cookie).not.to.contain('ctl_track_id');
    expect(document.cookie).not.to.contain('ctl_ga_X1');
    expect(document.cookie).to.contain('ctl_keep_me=3');
    expect(localStorage.getItem(`${NS}tracker:a`)).to.equal(null);
    expect(localStorage.getItem(`${NS}beacon.queue`)).to.equal(null);
    expect(localStorage.getItem(`${NS}app:settings`)).to.equal('1');
    expect(events.records.map((r) => r.id)).to.deep.equal([record.id]);
  });

  it('revoking one purpose with set deletes only that purpose’s data', async () => {
    const consent = start({
      purposes: [
        { id: 'cookies', cookies: ['ctl_track_id'] },
        { id: 'location', storageKeys: [`${NS}geo:last`] },
      ],
    });
    consent.acceptAll();
    await setCookies({ ctl_track_id: '1' });
    localStorage.setItem(`${NS}geo:last`, '1');
    consent.set({ cookies: true, location: false });
    await nextTask();
    expect(document.cookie).to.contain('ctl_track_id=1');
    expect(localStorage.getItem(`${NS}geo:last`)).to.equal(null);
  });

  it('onChange calls back once per decision with the record, and unsubscribes', async () => {
    const consent = start();
    const seen: ConsentRecord[] = [];
    const unsubscribe = consent.onChange((record) => seen.push(record));
    const accepted = consent.acceptAll();
    await nextTask();
    const rejected = consent.rejectAll();
    await nextTask();
    unsubscribe();
    consent.acceptAll();
    await nextTask();
    expect(seen.map((r) => r.id)).to.deep.equal([accepted.id, rejected.id]);
  });

  it('a throwing listener is reported and does not stop the others or the event', async () => {
    const consent = start();
    const seen: string[] = [];
    consent.onChange(() => {
      throw new Error('listener bug');
    });
    consent.onChange((r) => seen.push(r.method));
    const events = recordChanges();
    const warnings = captureWarnings();
    consent.acceptAll();
    await nextTask();
    warnings.restore();
    events.stop();
    expect(seen).to.deep.equal(['accept_all']);
    expect(events.records).to.have.length(1);
    expect(warnings.messages).to.have.length(1);
  });

  it('fires razylyk-change on window with the record as detail, once per decision', async () => {
    const consent = start();
    const events = recordChanges();
    const first = consent.set({ location: true });
    await nextTask();
    const second = consent.rejectAll();
    await nextTask();
    events.stop();
    expect(events.records).to.deep.equal([first, second]);
    expect(events.records[0].choices.location).to.equal(true);
  });

  it('a burst of 10,000 set() calls ends in the last state with bounded writes and one event', async () => {
    const consent = start();
    const events = recordChanges();
    const originalSetItem = Storage.prototype.setItem;
    let writes = 0;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key === KEY) writes++;
      return originalSetItem.call(this, key, value);
    };
    let last!: ConsentRecord;
    try {
      for (let i = 0; i < 10_000; i++) last = consent.set({ cookies: i % 2 === 0, location: i % 3 === 0 });
      await nextTask();
    } finally {
      Storage.prototype.setItem = originalSetItem;
      events.stop();
    }
    // i = 9999: odd, divisible by 3.
    expect(consent.has('cookies')).to.equal(false);
    expect(consent.has('location')).to.equal(true);
    expect(storedRecord(KEY)).to.deep.equal(last);
    expect(writes).to.be.within(1, 3);
    expect(events.records).to.have.length(1);
    expect(events.records[0].id).to.equal(last.id);
  });

  it('destroy() right after a decision stores and announces it at once, and nothing later', async () => {
    const consent = start();
    const events = recordChanges();
    const record = consent.acceptAll();
    consent.destroy();
    expect(storedRecord(KEY)).to.deep.equal(record);
    expect(events.records).to.deep.equal([record]);
    localStorage.removeItem(KEY);
    await nextTask();
    events.stop();
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(events.records).to.have.length(1);
  });

  it('applies a decision synchronously even before it is stored', () => {
    const consent = start();
    consent.acceptAll();
    expect(consent.has('cookies')).to.equal(true);
    expect(consent.get()?.method).to.equal('accept_all');
  });
});

describe('controller: consent log', () => {
  const original = navigator.sendBeacon;
  afterEach(() => {
    navigator.sendBeacon = original;
    cleanUp();
  });

  it('sends each decision, and nothing but the record, with sendBeacon', async () => {
    const sent: Array<{ url: string; body: unknown }> = [];
    navigator.sendBeacon = (url: string | URL, body?: BodyInit | null) => {
      sent.push({ url: String(url), body });
      return true;
    };
    const consent = start({ logEndpoint: '/consent-log' });
    const accepted = consent.acceptAll();
    await nextTask();
    const withdrawn = consent.withdraw();
    await nextTask();
    expect(sent.map((s) => s.url)).to.deep.equal(['/consent-log', '/consent-log']);
    expect(typeof sent[0].body).to.equal('string');
    expect(JSON.parse(sent[0].body as string)).to.deep.equal(accepted);
    expect(sent[0].body).to.equal(JSON.stringify(accepted));
    expect(JSON.parse(sent[1].body as string)).to.deep.equal(withdrawn);
  });

  it('a throwing sendBeacon never blocks the decision', async () => {
    navigator.sendBeacon = () => {
      throw new TypeError('beacon broken');
    };
    const consent = start({ logEndpoint: 'https://log.example/consent' });
    const events = recordChanges();
    const warnings = captureWarnings();
    consent.acceptAll();
    await nextTask();
    warnings.restore();
    events.stop();
    expect(consent.has('cookies')).to.equal(true);
    expect(storedRecord(KEY)?.method).to.equal('accept_all');
    expect(events.records).to.have.length(1);
    expect(warnings.messages).to.have.length(1);
  });

  it('refuses a non-http log endpoint with a warning', async () => {
    let calls = 0;
    navigator.sendBeacon = () => {
      calls++;
      return true;
    };
    // Reported once, when the configuration is read; the decision is not sent anywhere.
    const warnings = captureWarnings();
    const consent = start({ logEndpoint: 'javascript:alert(1)' });
    consent.acceptAll();
    await nextTask();
    warnings.restore();
    expect(calls).to.equal(0);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/config\.logEndpoint must be an http\(s\) URL/);
    expect(consent.has('cookies')).to.equal(true);
  });
});
