/**
 * The default policyVersion must be the hash of the policy documents as they are now: a stale
 * generated file (the text changed, `node scripts/gen-policy-version.mjs` not run) fails here.
 * Mirrors policyCanonicalText() in scripts/gen-policy-version.mjs.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_POLICY_VERSION } from '../../src/core/policy-version.generated.js';
import { cleanUp, start } from './helpers.js';

const LANGUAGES = ['tk', 'en', 'ru', 'zh', 'tr', 'de', 'ar'];

/** The policy.json text of a language, or undefined when the language has none (404). */
async function policyText(lang: string): Promise<string | undefined> {
  const response = await fetch(`/locales/${lang}/policy.json`, { cache: 'no-store' });
  if (response.status === 404) return undefined;
  expect(response.ok, `${lang}: HTTP ${response.status}`).to.equal(true);
  return response.text();
}

/** The test server serves JSON as an ES module (`export default {...}`); accept either form. */
async function policyValue(lang: string, text: string): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch {
    const module = (await import(/* @vite-ignore */ `/locales/${lang}/policy.json`)) as { default: unknown };
    return module.default;
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('policy version', () => {
  afterEach(cleanUp);

  it('equals the hash of the current policy documents', async () => {
    const parts: string[] = [];
    const found: string[] = [];
    for (const lang of [...LANGUAGES].sort()) {
      const text = await policyText(lang);
      if (text === undefined) continue;
      found.push(lang);
      parts.push(`${lang}\n${JSON.stringify(await policyValue(lang, text))}`);
    }
    expect(found, 'the Turkmen source policy must exist').to.include('tk');
    const expected = 'p' + (await sha256Hex(parts.join('\n'))).slice(0, 16);
    expect(
      DEFAULT_POLICY_VERSION,
      `languages: ${found.join(',')}; run node scripts/gen-policy-version.mjs`,
    ).to.equal(expected);
  });

  it('is the policyVersion of a decision when config names none', () => {
    const consent = start();
    expect(consent.acceptAll().policyVersion).to.equal(DEFAULT_POLICY_VERSION);
    expect(DEFAULT_POLICY_VERSION).to.match(/^p[0-9a-f]{16}$/);
  });
});
