/** The command schema (readCommand in src/core/bridge-commands.ts) on hand-picked edge cases; fuzz.test.ts covers the rest. */
import { expect } from '@open-wc/testing';
import { readCommand } from '../../src/core/bridge-commands.js';

const base = { protocol: 'razylyk', version: 1 };

describe('bridge: readCommand', () => {
  it('accepts each command in its exact shape, with or without a requestId', () => {
    const valid = [
      { ...base, type: 'hello' },
      { ...base, type: 'get', requestId: 'a' },
      { ...base, type: 'set', choices: {} },
      { ...base, type: 'set', choices: { cookies: true, location: false }, requestId: 'r'.repeat(64) },
      { ...base, type: 'accept-all' },
      { ...base, type: 'reject-all' },
      { ...base, type: 'withdraw' },
      { ...base, type: 'open-preferences' },
      { ...base, type: 'set-language', language: 'zh-Hant' },
      Object.assign(Object.create(null), { ...base, type: 'get' }),
    ];
    for (const message of valid) expect(readCommand(message), JSON.stringify(message)).to.equal(message);
  });

  it('explains why a message is dropped', () => {
    expect(readCommand(null)).to.equal('not razylyk 1');
    expect(readCommand({ ...base, version: 2, type: 'get' })).to.equal('not razylyk 1');
    expect(readCommand({ ...base, type: 'state' })).to.equal('unknown type');
    expect(readCommand({ ...base, type: 'toString' })).to.equal('unknown type');
    expect(readCommand({ ...base, type: 'get', extra: 1 })).to.equal('bad fields');
    expect(readCommand({ ...base, type: 'get', '': 1 })).to.equal('bad fields');
    expect(readCommand({ ...base, type: 'get', language: 'en' })).to.equal('bad fields');
    expect(readCommand({ ...base, type: 'set' })).to.equal('bad fields');
    expect(readCommand({ ...base, type: 'get', requestId: '' })).to.equal('bad requestId');
    expect(readCommand({ ...base, type: 'get', requestId: undefined })).to.equal('bad requestId');
    expect(readCommand({ ...base, type: 'set', choices: { cookies: 'true' } })).to.equal('bad choices');
    expect(readCommand({ ...base, type: 'set', choices: [true] })).to.equal('bad choices');
    expect(
      readCommand({ ...base, type: 'set', choices: JSON.parse('{"__proto__":{"cookies":true}}') }),
    ).to.equal('bad choices');
    expect(readCommand({ ...base, type: 'set-language', language: 'en_US' })).to.equal('bad language');
  });

  it('reads only own properties: a polluted Object.prototype does not complete a message', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.type = 'accept-all';
    try {
      expect(readCommand({ ...base })).to.be.a('string');
    } finally {
      delete proto.type;
    }
  });
});
