import { expect } from '@open-wc/testing';
import { readConfig } from '../../src/core/config.js';
import { warningsOf } from '../helpers/console.js';

function tag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  return script;
}

describe('core/config readConfig', () => {
  it('reads every data- attribute with its type', () => {
    const config = readConfig(
      tag({
        'data-lang': 'tk',
        'data-layout': 'box',
        'data-theme': 'dark',
        'data-policy-version': 'v7',
        'data-storage-key': 'site:consent',
        'data-lifetime-days': '30',
        'data-allowed-origins': ' https://a.example   https://b.example:8443 ',
        'data-consent-mode': 'false',
        'data-log-endpoint': 'https://log.example/consent',
        'data-settings-button': '',
        'data-geolocation-guard': 'false',
        'data-debug': 'true',
      }),
      undefined,
    );
    expect(config).to.deep.equal({
      language: 'tk',
      layout: 'box',
      theme: 'dark',
      policyVersion: 'v7',
      storageKey: 'site:consent',
      lifetimeDays: 30,
      allowedOrigins: ['https://a.example', 'https://b.example:8443'],
      consentMode: false,
      logEndpoint: 'https://log.example/consent',
      settingsButton: true,
      geolocationGuard: false,
      debug: true,
    });
  });

  it('lets attributes win over window.razylykConfig and keeps the rest of it', () => {
    const purposes = [{ id: 'chat', required: false }];
    const config = readConfig(tag({ 'data-layout': 'modal' }), {
      layout: 'bar',
      theme: 'light',
      purposes,
      consentMode: { analytics_storage: ['cookies'] },
    });
    expect(config.layout).to.equal('modal');
    expect(config.theme).to.equal('light');
    expect(config.purposes).to.deep.equal(purposes);
    // A copy: the page changing its array later does not change the running configuration.
    expect(config.purposes).not.to.equal(purposes);
    expect(config.consentMode).to.deep.equal({ analytics_storage: ['cookies'] });
  });

  it('drops bad values with a warning naming the attribute, so the defaults apply', () => {
    let config = {};
    const said = warningsOf(() => {
      config = readConfig(
        tag({
          'data-layout': 'sidebar',
          'data-lifetime-days': 'half a year',
          'data-debug': 'yes please',
          'data-storage-key': '  ',
        }),
        { theme: 'neon', lifetimeDays: -1, allowedOrigins: 'https://a.example' },
      );
    });
    expect(config).to.deep.equal({});
    for (const name of [
      'data-layout',
      'data-lifetime-days',
      'data-debug',
      'data-storage-key',
      'window.razylykConfig.theme',
      'window.razylykConfig.lifetimeDays',
      'window.razylykConfig.allowedOrigins',
    ])
      expect(
        said.some((line) => line.includes(name)),
        name,
      ).to.equal(true);
    expect(said.every((line) => line.startsWith('[razylyk]'))).to.equal(true);
  });

  it('copies only known keys: "__proto__" from JSON neither pollutes nor gets through', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": 1, "debugg": true, "debug": true}',
    );
    let config: object = {};
    const said = warningsOf(() => (config = readConfig(null, hostile)));
    expect({ ...config }).to.deep.equal({ debug: true });
    // No prototype: an option the page left out reads as undefined, whatever Object.prototype holds.
    expect(Object.getPrototypeOf(config)).to.equal(null);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(said.some((line) => line.includes('debugg'))).to.equal(true);
  });

  it('keeps only exact origins from allowedOrigins, and an explicit "*" with a warning', () => {
    let config: { allowedOrigins?: string[] } = {};
    const said = warningsOf(
      () =>
        (config = readConfig(
          tag({ 'data-allowed-origins': 'https://ok.example * https://slash.example/ null' }),
          {},
        )),
    );
    // The spec allows a wildcard only when the operator configures it explicitly, as here.
    expect(config.allowedOrigins).to.deep.equal(['https://ok.example', '*']);
    expect(said.filter((line) => line.includes('is not an origin'))).to.have.length(2);
    expect(said.filter((line) => line.includes('"*" lets every site'))).to.have.length(1);
  });

  it('survives a razylykConfig that is not an object, or whose getters throw', () => {
    const throwing = Object.defineProperty({ layout: 'box' }, 'theme', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    let a = {};
    let b = {};
    const said = warningsOf(() => {
      a = readConfig(null, 'tk');
      b = readConfig(null, throwing);
    });
    expect(a).to.deep.equal({});
    expect(b).to.deep.equal({ layout: 'box' });
    expect(said).to.have.length(2);
  });
});
