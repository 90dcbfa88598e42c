/**
 * Malformed and hostile messages from an allowed host (src/core/bridge.ts validation): each is dropped
 * whole, without an exception, a state change, a reply, or a touched Object.prototype.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { closeFrames, openFrame } from '../helpers/frames.js';
import { HERE, OTHER } from '../helpers/origins.js';
import { ask, command, frameUrl, nextMessage, recordMessages, request, watchPageErrors } from './helpers.js';

const TYPES = [
  'hello',
  'get',
  'set',
  'accept-all',
  'reject-all',
  'withdraw',
  'open-preferences',
  'set-language',
];
const ENVELOPE_KEYS = ['protocol', 'version', 'type', 'requestId', 'choices', 'language'];

/** A well-formed command: the base every malformed one is derived from. */
const validCommand = fc.oneof(
  fc
    .constantFrom('hello', 'get', 'accept-all', 'reject-all', 'withdraw', 'open-preferences')
    .map((t) => command(t)),
  fc.record({ cookies: fc.boolean(), location: fc.boolean() }).map((choices) => command('set', { choices })),
  fc.constantFrom('en', 'de', 'zh-Hant').map((language) => command('set-language', { language })),
);

const nested = (depth: number): unknown => {
  let value: unknown = true;
  for (let i = 0; i < depth; i++) value = { cookies: value };
  return value;
};
const huge = 'x'.repeat(100_000);

/** Valid JSON whose own keys include `__proto__`/`constructor`, as an attacker would send it. */
const prototypeKeyed = [
  '{"protocol":"razylyk","version":1,"type":"set","choices":{"__proto__":{"cookies":true}}}',
  '{"protocol":"razylyk","version":1,"type":"accept-all","__proto__":{"polluted":true}}',
  '{"protocol":"razylyk","version":1,"type":"get","constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":{"protocol":"razylyk","version":1,"type":"accept-all"}}',
  '{"protocol":"razylyk","version":1,"type":"set","choices":{"cookies":true,"constructor":{"prototype":{"cookies":true}}}}',
].map((json) => JSON.parse(json) as unknown);

const notOne = fc.anything().filter((v) => v !== 1);
const badChoices = fc.oneof(
  fc.anything().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
  fc.dictionary(
    fc.constantFrom('cookies', 'location'),
    fc.anything().filter((v) => typeof v !== 'boolean'),
    {
      minKeys: 1,
    },
  ),
  fc
    .string()
    .filter((k) => !/^[a-z][a-z0-9_]{0,39}$/.test(k))
    .map((k) => ({ [k]: true })),
  fc.constant(Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`p${i}`, true]))),
  fc.constant({ cookies: nested(300) }),
  fc.constant({ [huge]: true }),
  fc.constant(new Map([['cookies', true]])),
);
const badLanguage = fc.oneof(
  fc.anything().filter((v) => typeof v !== 'string'),
  fc.string().filter((s) => !/^[a-z]{2,3}(-[a-z0-9]{1,8}){0,2}$/i.test(s)),
  fc.constant(huge),
  fc.constant('en-US-x-private-extra-long'),
);
const badRequestId = fc.oneof(
  fc.anything().filter((v) => typeof v !== 'string'),
  fc.constant(''),
  fc.constant('r'.repeat(65)),
  fc.constant(huge),
);

const malformed = fc.oneof(
  fc.anything({
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withNullPrototype: true,
    withBigInt: true,
    withBoxedValues: true,
    withSparseArray: true,
  }),
  fc.tuple(validCommand, notOne).map(([c, version]) => ({ ...c, version })),
  fc
    .tuple(
      validCommand,
      fc.anything().filter((v) => v !== 'razylyk'),
    )
    .map(([c, protocol]) => ({ ...c, protocol })),
  fc
    .tuple(
      validCommand,
      fc.string().filter((t) => !TYPES.includes(t)),
    )
    .map(([c, type]) => ({ ...c, type })),
  fc
    .tuple(
      validCommand,
      fc.string().filter((k) => !ENVELOPE_KEYS.includes(k)),
      fc.anything(),
    )
    .map(([c, key, value]) => Object.defineProperty({ ...c }, key, { value, enumerable: true })),
  fc.tuple(validCommand, fc.constantFrom('protocol', 'version', 'type')).map(([c, key]) => {
    const copy: Record<string, unknown> = { ...c };
    delete copy[key];
    return copy;
  }),
  fc.tuple(validCommand, badRequestId).map(([c, requestId]) => ({ ...c, requestId })),
  badChoices.map((choices) => command('set', { choices })),
  badLanguage.map((language) => command('set-language', { language })),
  fc.constant(command('set')),
  fc.constant(command('set-language')),
  fc.constant(command('get', { choices: { cookies: true } })),
  fc.constant(command('accept-all', { language: 'en' })),
  fc.constant(command('set', { choices: { cookies: true }, language: 'en' })),
  fc.constant(command(huge)),
  fc.constant({ ...command('accept-all'), deep: nested(500) }),
  fc.constant([command('accept-all')]),
  fc.constant(JSON.stringify(command('accept-all'))),
  fc.constantFrom(...prototypeKeyed),
);

afterEach(closeFrames);

describe('bridge: malformed messages (fast-check)', () => {
  it('drops every malformed message whole: no reply, no state change, no exception', async function () {
    this.timeout(120_000);
    const frame = await openFrame(frameUrl([HERE]));
    // As a host does: the handshake first (the frame side loads as a chunk of its own; until then
    // commands wait in a bounded queue).
    await request(frame, 'hello');
    await ask(frame, { fixture: 'decide', method: 'rejectAll' });
    const before = await ask(frame);
    expect(JSON.parse(before.stored!).method).to.equal('reject_all');
    const page = watchPageErrors();
    const log = recordMessages();
    const protoNames = Object.getOwnPropertyNames(Object.prototype).join();
    let total = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(malformed, { minLength: 1, maxLength: 12 }), async (messages) => {
        const seenBefore = (await ask(frame)).seen;
        total += messages.length;
        let sent = 0;
        for (const message of messages) {
          frame.contentWindow!.postMessage(message, OTHER);
          if ((message as { protocol?: unknown })?.protocol === 'razylyk') sent++;
        }
        const report = await ask(frame);
        expect(report.seen - seenBefore).to.equal(sent);
        expect(report.stored).to.equal(before.stored);
        expect(report.language).to.equal(null);
        expect(report.uiCalls).to.deep.equal([]);
        expect(report.errors).to.deep.equal([]);
        expect(report.protoIntact).to.equal(true);
        expect(log.from(frame.contentWindow)).to.deep.equal([]);
      }),
      { numRuns: 60 },
    );

    const after = await ask(frame);
    log.stop();
    page.stop();
    // One debug line per dropped message.
    expect(after.debugLines - before.debugLines).to.equal(total);
    expect(page.errors).to.deep.equal([]);
    expect(Object.getOwnPropertyNames(Object.prototype).join()).to.equal(protoNames);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    // Still serving its host.
    expect((await request(frame, 'get')).record?.method).to.equal('reject_all');
  });

  it('stays responsive through a burst of 1,000 malformed and 1,000 valid messages', async function () {
    this.timeout(60_000);
    const frame = await openFrame(frameUrl([HERE], undefined, { debug: 'off' }));
    // As a host does: the handshake first (the frame side loads as a chunk of its own; until then
    // commands wait in a bounded queue).
    await request(frame, 'hello');
    const samples = fc.sample(malformed, 1000);
    let replies = 0;
    const allAnswered = new Promise<void>((resolve) => {
      const listener = (event: MessageEvent) => {
        if (event.source !== frame.contentWindow || event.data?.type !== 'state') return;
        if (++replies === 1000) {
          removeEventListener('message', listener);
          resolve();
        }
      };
      addEventListener('message', listener);
    });
    const messages = samples.flatMap((sample, i) => [sample, command('get', { requestId: `b${i}` })]);
    await ask(frame, { resetBusy: true });
    const start = performance.now();
    for (const message of messages) frame.contentWindow!.postMessage(message, OTHER);
    await allAnswered;
    const elapsed = performance.now() - start;
    const report = await ask(frame);
    expect(replies).to.equal(1000);
    // Timers in a background test page are throttled, so the frame's own handling time is the measure:
    // validation and answering cost well under half a millisecond per message.
    expect(report.busyMs).to.be.below(1000);
    expect(elapsed).to.be.below(20_000);
    expect(report.stored).to.equal(null);
    expect(report.errors).to.deep.equal([]);
    expect(report.protoIntact).to.equal(true);
  });

  it('replies only to requests it answered: the reply echoes the requestId and nothing else', async () => {
    const frame = await openFrame(frameUrl([HERE]));
    // As a host does: the handshake first (the frame side loads as a chunk of its own; until then
    // commands wait in a bounded queue).
    await request(frame, 'hello');
    const reply = nextMessage<Record<string, unknown>>(
      () => frame.contentWindow,
      (data) => data?.type === 'state',
    );
    frame.contentWindow!.postMessage(command('get', { requestId: 'q-1' }), OTHER);
    expect(Object.keys(await reply).sort()).to.deep.equal(
      ['language', 'protocol', 'record', 'requestId', 'type', 'version'].sort(),
    );
  });
});
