import { expect } from '@open-wc/testing';
import { matchesPattern, resolvePurposes } from '../../src/core/purposes.js';
import { captureWarnings } from '../helpers/console.js';
import { storedRecord } from '../helpers/records.js';
import { setCookies } from '../helpers/storage.js';
import { nextTask } from '../helpers/wait.js';
import { cleanUp, KEY, start } from './helpers.js';

describe('purposes', () => {
  afterEach(() => {
    cleanUp();
    for (const name of ['pur_ga_1', 'pur_ga_2', 'pur_ga_3', 'pur_chat_sid'])
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });

  it('necessary is always granted and cannot be switched off', async () => {
    const consent = start();
    expect(consent.has('necessary')).to.equal(true);
    consent.set({ necessary: false });
    await nextTask();
    expect(consent.has('necessary')).to.equal(true);
    expect(storedRecord(KEY)?.choices.necessary).to.equal(true);
    consent.rejectAll();
    await nextTask();
    expect(storedRecord(KEY)?.choices.necessary).to.equal(true);
  });

  it('necessary stays required even when config says otherwise', async () => {
    const consent = start({ purposes: [{ id: 'necessary', required: false }] });
    consent.set({ necessary: false });
    await nextTask();
    expect(consent.has('necessary')).to.equal(true);
    expect(storedRecord(KEY)?.choices.necessary).to.equal(true);
  });

  it('cookies, web_beacons, location and ad_personalization are denied until chosen', () => {
    const consent = start();
    expect(consent.purposes.map((p) => p.id)).to.deep.equal([
      'necessary',
      'cookies',
      'web_beacons',
      'location',
      'ad_personalization',
    ]);
    for (const id of ['cookies', 'web_beacons', 'location', 'ad_personalization']) {
      expect(consent.has(id), id).to.equal(false);
      expect(consent.purposes.find((p) => p.id === id)?.required, id).to.equal(false);
    }
    consent.set({ web_beacons: true });
    expect(consent.has('web_beacons')).to.equal(true);
    expect(consent.has('cookies')).to.equal(false);
  });

  it('operators can add purposes and mark one required', async () => {
    const consent = start({ purposes: [{ id: 'chat' }, { id: 'fraud_check', required: true }] });
    expect(consent.purposes.map((p) => p.id)).to.include.members(['chat', 'fraud_check']);
    expect(consent.has('chat')).to.equal(false);
    expect(consent.has('fraud_check')).to.equal(true);
    consent.rejectAll();
    await nextTask();
    expect(storedRecord(KEY)?.choices).to.include({ chat: false, fraud_check: true });
    consent.set({ chat: true, fraud_check: false });
    await nextTask();
    expect(consent.has('chat')).to.equal(true);
    expect(consent.has('fraud_check')).to.equal(true);
    expect(storedRecord(KEY)?.choices).to.include({ chat: true, fraud_check: true });
  });

  it('ignores a purpose without a valid id, with a warning', () => {
    const warnings = captureWarnings();
    const purposes = resolvePurposes([{ id: 'Bad Id!' }, { id: '__proto__' }, null, { id: 'ok_one' }]);
    warnings.restore();
    expect(purposes.map((p) => p.id)).to.deep.equal([
      'necessary',
      'cookies',
      'web_beacons',
      'location',
      'ad_personalization',
      'ok_one',
    ]);
    expect(warnings.messages).to.have.length(3);
    expect(({} as Record<string, unknown>).required).to.equal(undefined);
  });

  it('a non-array purposes config warns once and keeps the defaults', () => {
    const warnings = captureWarnings();
    const consent = start({ purposes: { id: 'chat' } as never });
    warnings.restore();
    // The five of the test above, and no 'chat'.
    expect(consent.purposes.map((p) => p.id)).to.deep.equal(start().purposes.map((p) => p.id));
    expect(consent.purposes).to.have.length(5);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.match(/config\.purposes must be a list of purpose objects/);
  });

  it('declares cookie names and storage keys as strings, * patterns or RegExps', () => {
    const [, cookies] = resolvePurposes([
      {
        id: 'cookies',
        cookies: ['sid', '_ga*', /^_fb/, '', 42 as unknown as string],
        storageKeys: ['a*b*c'],
      },
    ]);
    expect(cookies.cookies).to.have.length(3);
    expect(cookies.storageKeys).to.deep.equal(['a*b*c']);
  });

  it('matches exact names, * wildcards and RegExps', () => {
    const cases: Array<[string, string | RegExp, boolean]> = [
      ['sid', 'sid', true],
      ['sid2', 'sid', false],
      ['_ga', '_ga*', true],
      ['_ga_ABC', '_ga*', true],
      ['x_ga', '_ga*', false],
      ['session.id', '*.id', true],
      ['session.idx', '*.id', false],
      ['abc', 'a*b*c', true],
      ['axxbyyc', 'a*b*c', true],
      ['ac', 'a*b*c', false],
      ['ab', 'a*b', true],
      ['aba', 'a*ba', true],
      ['a', 'a*a', false],
      ['anything', '*', true],
      ['_fbp', /^_fb/, true],
      ['x_fbp', /^_fb/, false],
    ];
    for (const [name, pattern, expected] of cases)
      expect(matchesPattern(name, pattern), `${name} ~ ${pattern}`).to.equal(expected);
  });

  it('a global RegExp matches every name, not every other one', () => {
    const pattern = /^_ga/g;
    expect(['_ga_1', '_ga_2', '_ga_3'].map((name) => matchesPattern(name, pattern))).to.deep.equal([
      true,
      true,
      true,
    ]);
  });

  it('withdrawing deletes every cookie a global RegExp declares', async () => {
    const consent = start({ purposes: [{ id: 'web_beacons', cookies: [/^pur_ga_/g] }] });
    consent.acceptAll();
    await setCookies({ pur_ga_1: '1', pur_ga_2: '1', pur_ga_3: '1' });
    consent.withdraw();
    await nextTask();
    expect(document.cookie).not.to.match(/pur_ga_/);
  });

  it('withdrawing an operator purpose deletes its cookie', async () => {
    const consent = start({ purposes: [{ id: 'chat', cookies: ['pur_chat_sid'] }] });
    consent.set({ chat: true });
    await setCookies({ pur_chat_sid: '1' });
    consent.set({ chat: false });
    await nextTask();
    expect(document.cookie).not.to.contain('pur_chat_sid');
  });
  it('declared cookies and storage keys (entries with details) are deleted on withdrawal like plain patterns', async () => {
    const consent = start({
      purposes: [
        {
          id: 'web_beacons',
          cookies: [
            { name: 'pur_ga_*', provider: 'Google', duration: 395, description: { en: 'Visits.' } },
            'pur_chat_sid',
          ],
          storageKeys: [{ name: 'pur:stats:*', provider: 'Qiming' }],
          thirdParties: [{ name: 'pur_ga_3', provider: 'listed only' }],
        },
      ],
    });
    const purpose = consent.purposes.find((p) => p.id === 'web_beacons')!;
    expect(purpose.cookies).to.deep.equal(['pur_ga_*', 'pur_chat_sid']);
    expect(purpose.storageKeys).to.deep.equal(['pur:stats:*']);
    consent.acceptAll();
    await nextTask();
    await setCookies({ pur_ga_1: '1', pur_chat_sid: '1' });
    localStorage.setItem('pur:stats:a', '1');
    localStorage.setItem('pur:other', '1');
    consent.set({ web_beacons: false });
    await nextTask();
    expect(document.cookie).not.to.contain('pur_ga_1');
    expect(document.cookie).not.to.contain('pur_chat_sid');
    expect(localStorage.getItem('pur:stats:a')).to.equal(null);
    expect(localStorage.getItem('pur:other')).to.equal('1');
    localStorage.removeItem('pur:other');
  });
});
