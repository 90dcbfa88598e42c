/**
 * The frame side of the bridge (src/core/bridge.ts), driven from this page as the host, across two real
 * origins: this page on HERE, the consent-frame fixture on OTHER.
 */
import { expect } from '@open-wc/testing';
import { readAnnouncement } from '../../src/host/messages.js';
import { closeFrames, openFrame } from '../helpers/frames.js';
import { HERE, OTHER } from '../helpers/origins.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { ask, command, frameUrl, nextMessage, recordMessages, request } from './helpers.js';

afterEach(closeFrames);

describe('bridge: two loopback origins', () => {
  it('serves the fixture frame on a second origin of the same server', async () => {
    expect(new URL(OTHER).origin).to.equal(OTHER);
    expect(OTHER).to.not.equal(HERE);
    const frame = await openFrame(frameUrl([HERE]));
    const report = await ask(frame);
    expect(report.stored).to.equal(null);
    expect(report.errors).to.deep.equal([]);
    // Cross-origin for real: this page cannot read the frame's document.
    expect(() => frame.contentWindow!.document).to.throw();
  });
});

describe('bridge: handshake and commands', () => {
  it('answers hello with ready (record, language, the echoed requestId) to the exact host origin', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const log = recordMessages();
    const ready = await request(frame, 'hello');
    log.stop();
    expect(ready).to.deep.equal({
      protocol: 'razylyk',
      version: 1,
      type: 'ready',
      record: null,
      language: null,
      requestId: ready.requestId,
    });
    expect(typeof readAnnouncement(ready)).to.equal('object');
    const fromFrame = log.messages.filter((m) => m.source === frame.contentWindow);
    expect(fromFrame.map((m) => m.origin)).to.deep.equal([OTHER]);
  });

  it('sends changes the visitor makes in the frame to the host, but only after a handshake', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const log = recordMessages();
    await ask(frame, { fixture: 'decide', method: 'rejectAll' });
    // The report travels behind any change the decision would have sent: none came before the hello.
    expect(log.from(frame.contentWindow)).to.deep.equal([]);

    const ready = await request(frame, 'hello');
    expect(ready.record?.method).to.equal('reject_all');

    await ask(frame, { fixture: 'decide', method: 'acceptAll' });
    log.stop();
    const changes = log.from(frame.contentWindow).filter((m) => m.type === 'change');
    expect(changes).to.have.length(1);
    const change = readAnnouncement(changes[0]);
    if (typeof change === 'string') throw new Error(change);
    expect(change.record?.method).to.equal('accept_all');
    expect(change.record?.choices.cookies).to.equal(true);
  });

  it('get answers with state: the current record and language', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    await ask(frame, { fixture: 'decide', method: 'set', choices: { cookies: true } });
    const state = await request(frame, 'get');
    expect(state.type).to.equal('state');
    expect(state.record?.method).to.equal('custom');
    expect(state.record?.choices).to.include({ necessary: true, cookies: true, location: false });
  });

  it('set, accept-all, reject-all and withdraw change the record stored in the frame', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const stored = async () => JSON.parse((await ask(frame)).stored ?? 'null');

    const afterSet = await request(frame, 'set', { choices: { location: true, web_beacons: false } });
    expect(afterSet.record?.choices).to.include({ location: true, web_beacons: false, cookies: false });
    expect((await stored()).id).to.equal(afterSet.record?.id);

    const afterAccept = await request(frame, 'accept-all');
    expect(afterAccept.record?.method).to.equal('accept_all');
    expect((await stored()).choices.ad_personalization).to.equal(true);

    const afterReject = await request(frame, 'reject-all');
    expect(afterReject.record?.method).to.equal('reject_all');
    expect((await stored()).choices.cookies).to.equal(false);

    const afterWithdraw = await request(frame, 'withdraw');
    expect(afterWithdraw.record).to.equal(null);
    expect(await stored()).to.equal(null);
    expect((await request(frame, 'get')).record).to.equal(null);
  });

  it('set-language reaches the instance and the UI; open-preferences opens the UI', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const state = await request(frame, 'set-language', { language: 'de' });
    expect(state.language).to.equal('de');
    await request(frame, 'open-preferences');
    const report = await ask(frame);
    expect(report.language).to.equal('de');
    expect(report.uiCalls).to.deep.equal(['setLanguage:de', 'openPreferences']);
  });

  it('accepts any origin only when the operator lists "*" (and still answers the exact origin)', async () => {
    const frame = await openFrame(frameUrl(['*']));
    const log = recordMessages();
    const ready = await request(frame, 'hello');
    log.stop();
    expect(ready.type).to.equal('ready');
    expect(log.messages.filter((m) => m.source === frame.contentWindow).map((m) => m.origin)).to.deep.equal([
      OTHER,
    ]);
  });
});

describe('bridge: who may talk to the frame', () => {
  const port = Number(location.port);
  const lookAlikes = [
    `${HERE}.evil.test`,
    `${HERE}/`,
    `${HERE}0`,
    HERE.slice(0, -1),
    `${location.protocol}//${location.hostname}:${port + 1}`,
    `https://${location.host}`,
    location.host,
    HERE.toUpperCase(),
    ` ${HERE}`,
    'null',
    `${OTHER}`,
  ];

  for (const allowed of lookAlikes) {
    it(`ignores the host when allowedOrigins is [${JSON.stringify(allowed)}]`, async () => {
      const frame = await openFrame(frameUrl([allowed]));
      const log = recordMessages();
      const commands = [
        command('hello', { requestId: 'a' }),
        command('get', { requestId: 'b' }),
        command('accept-all', { requestId: 'c' }),
        command('set', { choices: { cookies: true } }),
        command('set-language', { language: 'en' }),
        command('open-preferences'),
      ];
      for (const message of commands) frame.contentWindow!.postMessage(message, OTHER);
      await waitFor(async () => (await ask(frame)).seen === commands.length);
      // An entry that is no origin is dropped, with a warning, when the configuration is read: with no
      // origin left, the frame side never loads. Otherwise it loads as a chunk of its own, then handles
      // what arrived meanwhile, each with a debug line. Anything the frame did in answer would have been
      // sent before this report.
      const dropped = (await ask(frame)).warnings.some((line) => line.includes('is not an origin'));
      if (!dropped) await waitFor(async () => (await ask(frame)).debugLines === commands.length);
      const report = await ask(frame, { fixture: 'decide', method: 'rejectAll' });
      log.stop();
      expect(log.from(frame.contentWindow)).to.deep.equal([]);
      expect(JSON.parse(report.stored!).method).to.equal('reject_all');
      expect(report.language).to.equal(null);
      expect(report.uiCalls).to.deep.equal([]);
      expect(report.debugLines).to.equal(dropped ? 0 : commands.length);
      expect(report.errors).to.deep.equal([]);
    });
  }

  it('ignores a sibling frame on an allowed origin: only the parent may command', async () => {
    const consent = await openFrame(frameUrl([HERE]));
    const sibling = await openFrame(`${HERE}/test/bridge/fixtures/sibling.html`);
    const log = recordMessages();
    const index = Array.from({ length: window.frames.length }, (_, i) => window.frames[i]).indexOf(
      consent.contentWindow!,
    );
    for (const message of [command('hello'), command('accept-all', { requestId: 'x' }), command('get')]) {
      const forwarded = nextMessage<{ fixture?: string }>(
        () => sibling.contentWindow,
        (data) => data?.fixture === 'forwarded',
      );
      sibling.contentWindow!.postMessage({ fixture: 'forward', index, targetOrigin: OTHER, message }, HERE);
      await forwarded;
    }
    await sleep(300);
    const report = await ask(consent);
    log.stop();
    expect(report.stored).to.equal(null);
    expect(report.debugLines).to.equal(3);
    expect(log.from(consent.contentWindow)).to.deep.equal([]);
    const siblingWindow = sibling.contentWindow as Window & { receivedRazylykMessages: unknown[] };
    expect(siblingWindow.receivedRazylykMessages).to.deep.equal([]);
    // The parent itself still may.
    expect((await request(consent, 'get')).type).to.equal('state');
  });
});
