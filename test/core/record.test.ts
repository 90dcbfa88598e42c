import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_RECORD_CHARS, newId, parseRecord, validateRecord } from '../../src/core/record.js';
import { captureWarnings } from '../helpers/console.js';
import { storedRecord, validRecord } from '../helpers/records.js';
import { nextTask } from '../helpers/wait.js';
import { cleanUp, KEY, start } from './helpers.js';

const NOW = Date.now();
const parse = (value: unknown) => parseRecord(JSON.stringify(value), NOW);
function validateRecordOf(value: unknown) {
  const result = validateRecord(value, NOW);
  if (!('record' in result)) throw new Error(`rejected: ${result.problem}`);
  return result.record;
}

function pollutionCheck(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted, 'Object.prototype.polluted').to.equal(undefined);
  expect(probe.granted, 'Object.prototype.granted').to.equal(undefined);
  expect(probe.cookies, 'Object.prototype.cookies').to.equal(undefined);
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
}

describe('record: parseRecord', () => {
  it('accepts a well-formed schema-1 record and copies its fields', () => {
    const result = parse(validRecord());
    expect(result).to.have.property('record');
    if (!('record' in result)) return;
    expect(result.record.choices).to.deep.equal(validRecord().choices);
    expect(result.record.id).to.equal('3b241101-e2bb-4255-8caf-4136c566a962');
    expect(result.record.method).to.equal('custom');
  });

  const bad: Array<[string, string]> = [
    ['non-JSON', 'not json at all'],
    ['truncated JSON', JSON.stringify(validRecord()).slice(0, 80)],
    ['null', 'null'],
    ['an array', '[1,2,3]'],
    ['a number', '42'],
    ['a string', '"yes"'],
    ['an unknown schema', JSON.stringify(validRecord({ schema: 0 }))],
    ['a newer schema', JSON.stringify(validRecord({ schema: 2 }))],
    ['a missing id', JSON.stringify(validRecord({ id: undefined }))],
    ['a non-UUID id', JSON.stringify(validRecord({ id: 'abc' }))],
    ['an invalid date', JSON.stringify(validRecord({ decidedAt: 'yesterday' }))],
    ['a non-ISO date', JSON.stringify(validRecord({ expiresAt: 'Tue, 01 Jan 2999 00:00:00 GMT' }))],
    [
      'a future decision',
      JSON.stringify(validRecord({ decidedAt: new Date(NOW + 86_400_000).toISOString() })),
    ],
    [
      'an expired record',
      JSON.stringify(
        validRecord({
          decidedAt: new Date(NOW - 3 * 86_400_000).toISOString(),
          expiresAt: new Date(NOW - 1000).toISOString(),
        }),
      ),
    ],
    [
      'an impossible lifetime',
      JSON.stringify(validRecord({ expiresAt: new Date(NOW + 800 * 86_400_000).toISOString() })),
    ],
    ['an unknown method', JSON.stringify(validRecord({ method: 'shrug' }))],
    ['a non-boolean gpc', JSON.stringify(validRecord({ gpc: 'false' }))],
    ['choices as an array', JSON.stringify(validRecord({ choices: [true] }))],
    ['a "true" string choice', JSON.stringify(validRecord({ choices: { cookies: 'true' } }))],
    ['a 1 choice', JSON.stringify(validRecord({ choices: { cookies: 1 } }))],
    [
      'a __proto__ key',
      JSON.stringify(validRecord()).replace('"choices":{', '"choices":{"__proto__":{"polluted":true},'),
    ],
    [
      'a constructor key',
      JSON.stringify(validRecord()).replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
    ],
    ['an oversized value', JSON.stringify(validRecord({ textHash: 'x'.repeat(MAX_RECORD_CHARS) }))],
  ];
  for (const [what, raw] of bad) {
    it(`rejects ${what} with a problem, never an exception`, () => {
      const result = parseRecord(raw, NOW);
      expect(result).to.have.property('problem').that.is.a('string');
      pollutionCheck();
    });
  }

  it('refuses an oversized value before parsing it', () => {
    const originalParse = JSON.parse;
    let parsed = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      parsed++;
      return originalParse(...args);
    }) as typeof JSON.parse;
    try {
      const result = parseRecord('{' + ' '.repeat(MAX_RECORD_CHARS) + '}', NOW);
      expect(result)
        .to.have.property('problem')
        .that.matches(/too large/);
    } finally {
      JSON.parse = originalParse;
    }
    expect(parsed).to.equal(0);
  });

  it('fuzz: arbitrary strings never throw and never grant', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const result = parseRecord(raw, NOW);
        return 'problem' in result;
      }),
      { numRuns: 500 },
    );
    pollutionCheck();
  });

  it('fuzz: arbitrary JSON values never throw, and only a literal true grants', () => {
    // Mostly-valid records with one or more fields swapped for arbitrary JSON reach every check.
    const mostly = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: fc.jsonValue(), weight: 1 });
    const choiceValue = fc.oneof(
      { arbitrary: fc.boolean(), weight: 12 },
      { arbitrary: fc.constantFrom('true', 1, null, [true], { value: true }), weight: 1 },
    );
    const candidate = fc.record({
      schema: mostly(fc.constant(1)),
      id: mostly(fc.uuid({ version: 4 })),
      policyVersion: mostly(fc.constant('v1')),
      textHash: mostly(fc.constant('')),
      language: mostly(fc.constant('en')),
      decidedAt: mostly(fc.constant(new Date(NOW - 1000).toISOString())),
      expiresAt: mostly(fc.constant(new Date(NOW + 86_400_000).toISOString())),
      method: mostly(fc.constantFrom('accept_all', 'reject_all', 'custom', 'withdraw')),
      choices: mostly(fc.dictionary(fc.string({ maxLength: 12 }), choiceValue, { maxKeys: 8 })),
      gpc: mostly(fc.boolean()),
    });
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(candidate, fc.jsonValue()), (value) => {
        const result = parseRecord(JSON.stringify(value) ?? 'undefined', NOW);
        if ('problem' in result) return true;
        accepted++;
        const source = (value as { choices: Record<string, unknown> }).choices;
        // Every grant in the parsed record was a literal `true` in the stored value.
        return Object.entries(result.record.choices).every(
          ([purpose, granted]) =>
            !granted || Object.getOwnPropertyDescriptor(source, purpose)?.value === true,
        );
      }),
      { numRuns: 1000 },
    );
    expect(accepted, 'some generated records must be valid').to.be.greaterThan(10);
    pollutionCheck();
  });

  it('newId returns distinct v4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 200 }, newId));
    expect(ids.size).to.equal(200);
    for (const id of ids)
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('record: what the engine says is wrong', () => {
  // The first stage only needs yes or no; these texts are the engine's alone (record.ts PROBLEMS).
  const problem = (overrides: Record<string, unknown>) => {
    const result = parse(validRecord(overrides));
    return 'problem' in result ? result.problem : 'accepted';
  };

  it('names a newer schema, a bad field, a non-boolean choice and too many choices', () => {
    expect(problem({ schema: 2 })).to.equal('a newer schema (2)');
    expect(problem({ schema: 0 })).to.equal('no valid schema');
    expect(problem({ id: 'abc' })).to.equal('no valid id');
    expect(problem({ choices: { necessary: true, cookies: 'true' } })).to.equal(
      'a non-boolean choice for "cookies"',
    );
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`p${i}`, true]));
    expect(problem({ choices: many })).to.equal('too many choices');
    expect(problem({ choices: [true] })).to.equal('no valid choices');
    expect(problem({ decidedAt: '2024-13-45T10:00:00Z' })).to.equal('no valid decidedAt');
  });

  it("validateRecord keeps a copy of the choices, not the caller's object", () => {
    const choices = { necessary: true, cookies: true };
    const record = validateRecordOf(validRecord({ choices }));
    choices.cookies = false;
    expect(record.choices).to.deep.equal({ necessary: true, cookies: true });
  });
});

describe('record: a bad stored value at start-up', () => {
  afterEach(cleanUp);

  const stored: Array<[string, string]> = [
    ['non-JSON', '{{{'],
    ['truncated JSON', JSON.stringify(validRecord()).slice(0, 50)],
    ['null', 'null'],
    ['an array', '[]'],
    ['a number', '7'],
    ['oversized', 'x'.repeat(MAX_RECORD_CHARS + 1)],
    ['unknown schema', JSON.stringify(validRecord({ schema: 'one' }))],
    ['newer schema', JSON.stringify(validRecord({ schema: 99 }))],
    ['invalid dates', JSON.stringify(validRecord({ decidedAt: '2024-13-45T99:99:99Z' }))],
    [
      'future date',
      JSON.stringify(validRecord({ decidedAt: new Date(Date.now() + 3_600_000).toISOString() })),
    ],
    ['missing id', JSON.stringify(validRecord({ id: undefined }))],
    ['__proto__ key', `{"__proto__":{"polluted":true},"schema":1}`],
    ['constructor key', `{"constructor":{"prototype":{"polluted":true}},"schema":1}`],
    [
      '"true" string grant',
      JSON.stringify(
        validRecord({
          choices: {
            necessary: true,
            cookies: 'true',
            web_beacons: true,
            location: true,
            ad_personalization: true,
          },
        }),
      ),
    ],
  ];
  for (const [what, raw] of stored) {
    it(`${what}: no decision, one warning, no exception, replaced at the next save`, async () => {
      localStorage.setItem(KEY, raw);
      const warnings = captureWarnings();
      let consent;
      try {
        consent = start({ policyVersion: 'test-policy' });
      } finally {
        warnings.restore();
      }
      expect(consent.needsDecision()).to.equal(true);
      expect(consent.get()).to.equal(null);
      expect(consent.has('cookies')).to.equal(false);
      expect(consent.has('necessary')).to.equal(true);
      expect(warnings.messages, warnings.messages.join('\n')).to.have.length(1);
      expect(warnings.messages[0]).to.match(/^\[razylyk\]/);
      pollutionCheck();

      consent.rejectAll();
      await nextTask();
      expect(storedRecord(KEY)?.method).to.equal('reject_all');
    });
  }

  it('an expired record means no decision, without an exception', () => {
    const now = Date.now();
    localStorage.setItem(
      KEY,
      JSON.stringify(
        validRecord({
          decidedAt: new Date(now - 200 * 86_400_000).toISOString(),
          expiresAt: new Date(now - 1000).toISOString(),
          choices: {
            necessary: true,
            cookies: true,
            web_beacons: true,
            location: true,
            ad_personalization: true,
          },
        }),
      ),
    );
    const warnings = captureWarnings();
    const consent = start({ policyVersion: 'test-policy' });
    warnings.restore();
    // One warning, as for every other stored value that no longer counts.
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.include('expired');
    expect(consent.needsDecision()).to.equal(true);
    expect(consent.has('cookies')).to.equal(false);
  });

  it('a valid stored record is honoured', () => {
    localStorage.setItem(KEY, JSON.stringify(validRecord()));
    const warnings = captureWarnings();
    const consent = start({ policyVersion: 'test-policy' });
    warnings.restore();
    expect(warnings.messages).to.deep.equal([]);
    expect(consent.needsDecision()).to.equal(false);
    expect(consent.has('cookies')).to.equal(true);
    expect(consent.has('web_beacons')).to.equal(false);
  });
});
