/**
 * The host helper (src/host/connect.ts) against the real core in a consent frame on another origin,
 * and against a scripted frame that sends forged or broken messages.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseRecord } from '../../src/core/record.js';
import { connectRazylykFrame, type RazylykFrame } from '../../src/host/index.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { recordChanges } from '../helpers/events.js';
import { closeFrames, openFrame } from '../helpers/frames.js';
import { HERE, OTHER } from '../helpers/origins.js';
import { freshRecord } from '../helpers/records.js';
import { captureConsole } from '../helpers/console.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { ask, frameUrl, nextMessage, watchPageErrors } from '../bridge/helpers.js';

const connections: RazylykFrame[] = [];
function connect(options: Parameters<typeof connectRazylykFrame>[0]): RazylykFrame {
  const connection = connectRazylykFrame(options);
  connections.push(connection);
  return connection;
}

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
  closeFrames();
});

describe('host: connecting to a consent frame', () => {
  it('creates the iframe from a URL, handshakes, and mirrors the state synchronously', async () => {
    const razylyk = connect({ frame: frameUrl([HERE]), origin: OTHER, title: 'Privacy choices' });
    expect(razylyk.frame!.isConnected).to.equal(true);
    expect(razylyk.frame!.title).to.equal('Privacy choices');
    expect(razylyk.get()).to.equal(null);
    await razylyk.ready;
    expect(razylyk.get()).to.equal(null);
    expect(razylyk.needsDecision()).to.equal(true);
    expect(razylyk.has('necessary')).to.equal(true);
    expect(razylyk.has('cookies')).to.equal(false);
    const frame = razylyk.frame!;
    razylyk.destroy();
    expect(frame.isConnected).to.equal(false);
  });

  it('says no hello to the frame before it has left its initial about:blank (the browser would log a mismatch)', async () => {
    const frame = document.createElement('iframe');
    frame.src = frameUrl([HERE]);
    document.body.append(frame);
    // The initial about:blank has this page's origin: its postMessage can be watched until the frame navigates.
    const early: unknown[] = [];
    const blank = frame.contentWindow!;
    const original = blank.postMessage.bind(blank);
    (blank as { postMessage: unknown }).postMessage = (message: unknown, ...rest: [string]) => {
      early.push(message);
      return original(message, ...rest);
    };
    try {
      const razylyk = connect({ frame, origin: OTHER });
      await razylyk.ready;
      expect(early).to.deep.equal([]);
      expect(razylyk.needsDecision()).to.equal(true);
    } finally {
      frame.remove();
    }
  });

  it('connects to an existing iframe, given as an element or a selector, and reads its stored decision', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    frame.id = 'consent-frame';
    await ask(frame, { fixture: 'decide', method: 'set', choices: { location: true } });
    const bySelector = connect({ frame: '#consent-frame', origin: OTHER });
    await bySelector.ready;
    expect(bySelector.frame).to.equal(frame);
    expect(bySelector.get()?.method).to.equal('custom');
    expect(bySelector.has('location')).to.equal(true);
    expect(bySelector.has('cookies')).to.equal(false);
    bySelector.destroy();
    const byElement = connect({ frame, origin: OTHER });
    await byElement.ready;
    expect(byElement.get()?.id).to.equal(bySelector.get()?.id);
    expect(frame.isConnected).to.equal(true);
  });

  it('mirrors a decision made in the frame and announces it as razylyk-change and onChange', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const razylyk = connect({ frame, origin: OTHER });
    await razylyk.ready;
    const events = recordChanges();
    const heard: ConsentRecord[] = [];
    razylyk.onChange((record) => heard.push(record));
    const report = await ask(frame, { fixture: 'decide', method: 'acceptAll' });
    await waitFor(() => events.records.length === 1);
    events.stop();
    const stored = JSON.parse(report.stored!);
    expect(events.records[0]).to.deep.equal(stored);
    expect(heard).to.deep.equal([stored]);
    expect(razylyk.get()).to.deep.equal(stored);
    expect(razylyk.has('ad_personalization')).to.equal(true);
  });

  it('forwards acceptAll, set, rejectAll and withdraw; the frame stores each and the mirror follows', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const razylyk = connect({ frame, origin: OTHER });
    const events = recordChanges();
    const stored = async () => JSON.parse((await ask(frame)).stored ?? 'null');

    const accepted = await razylyk.acceptAll();
    expect(accepted?.method).to.equal('accept_all');
    expect(await stored()).to.deep.equal(accepted);
    expect(razylyk.get()).to.deep.equal(accepted);

    const custom = await razylyk.set({ cookies: true, location: false });
    expect(custom?.choices).to.include({ cookies: true, location: false, web_beacons: false });
    expect((await stored()).id).to.equal(custom?.id);
    expect(razylyk.has('cookies')).to.equal(true);
    expect(razylyk.has('location')).to.equal(false);

    const rejected = await razylyk.rejectAll();
    expect((await stored()).method).to.equal('reject_all');
    expect(razylyk.get()?.id).to.equal(rejected?.id);

    expect(await razylyk.withdraw()).to.equal(null);
    expect(await stored()).to.equal(null);
    await waitFor(() => events.records.length === 4);
    events.stop();
    expect(razylyk.get()).to.equal(null);
    expect(razylyk.needsDecision()).to.equal(true);
    expect(events.records.map((r) => r.method)).to.deep.equal([
      'accept_all',
      'custom',
      'reject_all',
      'withdraw',
    ]);
  });

  it('forwards setLanguage and openPreferences to the frame instance and its UI', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const razylyk = connect({ frame, origin: OTHER });
    await razylyk.setLanguage('tr');
    expect(razylyk.language).to.equal('tr');
    await razylyk.openPreferences();
    const report = await ask(frame);
    expect(report.language).to.equal('tr');
    expect(report.uiCalls).to.deep.equal(['setLanguage:tr', 'openPreferences']);
  });

  it('refuses invalid commands before sending them', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const razylyk = connect({ frame, origin: OTHER });
    await razylyk.ready;
    let problem: unknown;
    await razylyk.setLanguage('<img src=x>').catch((err) => (problem = err));
    expect(problem).to.be.instanceOf(TypeError);
    problem = undefined;
    await razylyk.set({ 'not a purpose': true } as Record<string, boolean>).catch((err) => (problem = err));
    expect(problem).to.be.instanceOf(TypeError);
    const report = await ask(frame);
    expect(report.stored).to.equal(null);
    expect(report.language).to.equal(null);
    expect(report.debugLines).to.equal(0);
  });

  it('re-handshakes after the frame reloads and keeps mirroring', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    const razylyk = connect({ frame, origin: OTHER });
    const accepted = await razylyk.acceptAll();
    const events = recordChanges();

    const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = `${frame.src}&reloaded=1`;
    await reloaded;
    expect(razylyk.get()?.id).to.equal(accepted?.id);

    // A decision in the reloaded frame reaches us only if the new instance was told who we are.
    const report = await ask(frame, { fixture: 'decide', method: 'rejectAll' });
    await waitFor(() => events.records.length === 1);
    expect(events.records[0].method).to.equal('reject_all');
    expect(razylyk.get()).to.deep.equal(JSON.parse(report.stored!));

    const custom = await razylyk.set({ web_beacons: true });
    expect(custom?.choices.web_beacons).to.equal(true);
    expect(JSON.parse((await ask(frame)).stored!).id).to.equal(custom?.id);
    events.stop();
  });

  it('never connects to a frame whose allowedOrigins does not list this page', async () => {
    const frame = await openFrame(frameUrl([`${HERE}.evil.test`]));
    const razylyk = connect({ frame, origin: OTHER, timeout: 600 });
    let problem: unknown;
    await razylyk.acceptAll().catch((err) => (problem = err));
    expect(String(problem)).to.contain('did not answer');
    const report = await ask(frame);
    expect(report.stored).to.equal(null);
    expect(report.seen).to.be.greaterThan(1);
    expect(razylyk.get()).to.equal(null);
  });

  it('reports a bad origin option instead of throwing, and posts nothing', async () => {
    const capture = captureConsole('error');
    const errors = capture.messages;
    try {
      for (const origin of ['*', 'null', `${OTHER}/`, 'consent.example']) {
        const razylyk = connect({ frame: frameUrl([HERE]), origin });
        let problem: unknown;
        await razylyk.acceptAll().catch((err) => (problem = err));
        expect(problem, origin).to.be.instanceOf(Error);
        expect(razylyk.frame).to.equal(undefined);
      }
    } finally {
      capture.restore();
    }
    expect(errors).to.have.length(4);
    expect(errors[0]).to.contain('options.origin');
  });
});

describe('host: messages it must not believe', () => {
  const rawUrl = () => `${OTHER}/test/bridge/fixtures/raw-frame.html`;
  const envelope = (type: string, fields: Record<string, unknown>) => ({
    protocol: 'razylyk',
    version: 1,
    type,
    ...fields,
  });

  /** Makes the scripted frame send `messages` to this page, and waits until it has. */
  async function send(frame: HTMLIFrameElement, messages: unknown[]): Promise<void> {
    const id = String(Math.random());
    const sent = nextMessage<{ fixture?: string; id?: string }>(
      () => frame.contentWindow,
      (data) => data?.fixture === 'sent' && data.id === id,
    );
    frame.contentWindow!.postMessage({ fixture: 'send', id, messages }, OTHER);
    await sent;
  }

  it('drops malformed announcements whole (fast-check): no event, no mirror change, no exception', async function () {
    this.timeout(60_000);
    const frame = await openFrame(rawUrl());
    const razylyk = connect({ frame, origin: OTHER });
    const record = freshRecord();
    await send(frame, [envelope('ready', { record, language: 'en' })]);
    await razylyk.ready;
    expect(razylyk.get()).to.deep.equal(record);

    const events = recordChanges();
    const page = watchPageErrors();
    const badRecord = fc.oneof(
      fc.anything(),
      fc.constant({ ...record, choices: { ...record.choices, constructor: true } }),
      fc.constant({ ...record, id: 'not-a-uuid' }),
      fc.constant({ ...record, expiresAt: new Date(Date.now() - 1000).toISOString() }),
      fc.constant({ ...record, choices: { cookies: 'yes' } }),
      fc.constant({ ...record, choices: JSON.parse('{"__proto__":{"polluted":true}}') }),
      fc.constant({ ...record, policyVersion: 'p'.repeat(201) }),
      fc.constant(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(record).slice(1)}`)),
    );
    const badAnnouncement = fc.oneof(
      fc.anything(),
      badRecord.map((r) => envelope('change', { record: r })),
      fc.constant(envelope('change', { record: null })),
      fc.constant(envelope('change', { record, requestId: 'x' })),
      fc.constant(envelope('change', { record, extra: true })),
      fc.constant({ ...envelope('change', { record }), version: 2 }),
      fc.constant(envelope('state', { record, language: 'x'.repeat(300) })),
      fc.constant(envelope('state', { record })),
      fc.constant(envelope('accept-all', {})),
      fc.constant(
        JSON.parse(
          `{"protocol":"razylyk","version":1,"type":"change","record":${JSON.stringify(record)},"__proto__":{"polluted":true}}`,
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(badAnnouncement, { minLength: 1, maxLength: 10 }), async (messages) => {
        await send(frame, messages);
        expect(events.records).to.deep.equal([]);
        expect(razylyk.get()).to.deep.equal(record);
        expect(razylyk.language).to.equal('en');
      }),
      { numRuns: 40 },
    );
    events.stop();
    page.stop();
    expect(page.errors).to.deep.equal([]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);

    // A valid change still gets through.
    const next = freshRecord({ method: 'reject_all' });
    const after = recordChanges();
    await send(frame, [envelope('change', { record: next })]);
    after.stop();
    expect(after.records).to.deep.equal([next]);
    expect(razylyk.get()).to.deep.equal(next);
  });

  it('takes a record exactly when the stored decision would, and as the same record', async () => {
    const frame = await openFrame(rawUrl());
    const razylyk = connect({ frame, origin: OTHER });
    await send(frame, [envelope('ready', { record: null, language: null })]);
    await razylyk.ready;
    const withKey = <T extends object>(value: T, key: string): T =>
      JSON.parse(`{"${key}":true,${JSON.stringify(value).slice(1)}`);
    const candidates = [
      { ...freshRecord(), addedByANewerRazylyk: 'x' },
      { ...freshRecord(), extra: withKey({ note: 1 }, 'constructor') },
      { ...freshRecord(), choices: { necessary: true, 'Not-An-Id': true } },
      withKey(freshRecord(), 'constructor'),
      withKey(freshRecord(), '__proto__'),
      freshRecord({ choices: withKey({ cookies: true }, 'prototype') }),
    ];
    const fromStorage = candidates.flatMap((candidate) => {
      const result = parseRecord(JSON.stringify(candidate), Date.now());
      return 'record' in result ? [result.record] : [];
    });
    const events = recordChanges();
    await send(
      frame,
      candidates.map((record) => envelope('change', { record })),
    );
    events.stop();
    expect(events.records).to.deep.equal(fromStorage);
    // Unknown keys are left out of the copy; __proto__, constructor and prototype keys are refused.
    expect(fromStorage.map((record) => record.id)).to.deep.equal(candidates.slice(0, 3).map((c) => c.id));
    expect(Object.keys(events.records[0])).to.deep.equal(Object.keys(freshRecord()));
  });

  it('ignores the right messages from the wrong origin or the wrong window', async () => {
    const frame = await openFrame(rawUrl());
    const sibling = await openFrame(rawUrl());
    // Configured for this page's origin, the frame's real origin (OTHER) never matches.
    const wrongOrigin = connect({ frame, origin: HERE, timeout: 500 });
    const rightOrigin = connect({ frame, origin: OTHER });
    const ready = envelope('ready', { record: freshRecord(), language: 'de' });
    await send(sibling, [ready]);
    let readyYet = false;
    void rightOrigin.ready.then(() => (readyYet = true));
    await sleep(200);
    expect(readyYet).to.equal(false);
    expect(rightOrigin.get()).to.equal(null);

    await send(frame, [ready]);
    await rightOrigin.ready;
    expect(rightOrigin.language).to.equal('de');
    expect(wrongOrigin.get()).to.equal(null);
    let problem: unknown;
    await wrongOrigin.acceptAll().catch((err) => (problem = err));
    expect(String(problem)).to.contain('did not answer');
  });

  it('sends its commands to the frame origin only, with a requestId, and resolves on the matching state', async () => {
    const frame = await openFrame(rawUrl());
    const razylyk = connect({ frame, origin: OTHER });
    await send(frame, [envelope('ready', { record: null, language: null })]);
    await razylyk.ready;
    const pending = razylyk.set({ cookies: true });
    let commands: Record<string, unknown>[] = [];
    await waitFor(async () => {
      const reply = nextMessage<{ fixture?: string; commands: Record<string, unknown>[] }>(
        () => frame.contentWindow,
        (data) => data?.fixture === 'commands',
      );
      frame.contentWindow!.postMessage({ fixture: 'commands' }, OTHER);
      commands = (await reply).commands;
      return commands.some((c) => c.type === 'set');
    });
    const set = commands.find((c) => c.type === 'set')!;
    expect(set).to.deep.equal({
      protocol: 'razylyk',
      version: 1,
      type: 'set',
      requestId: set.requestId,
      choices: { cookies: true },
    });
    const record = freshRecord({ choices: { necessary: true, cookies: true } });
    await send(frame, [
      envelope('state', { record: freshRecord(), language: null, requestId: 'someone-else' }),
      envelope('state', { record, language: null, requestId: set.requestId }),
    ]);
    expect(await pending).to.deep.equal(record);
  });
});
