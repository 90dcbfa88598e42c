/**
 * What is stored where: the record's fields with a record generated live by the real engine, the
 * storage key, lifetime, events, bridge messages, purposes and the Google Consent Mode mapping.
 */
import { createConsent } from '../../src/core/consent.js';
import { DEFAULT_LIFETIME_DAYS, DEFAULT_STORAGE_KEY } from '../../src/core/options.js';
import { resolvePurposes } from '../../src/core/purposes.js';
import { MAX_LIFETIME_DAYS } from '../../src/core/record.js';
import { DEFAULT_CONSENT_MODE } from '../../src/core/signals.js';
import type { ConsentRecord } from '../../src/core/types.js';
import { h } from './dom.js';
import { policyTarget } from './strings.js';

const FIELDS: [keyof ConsentRecord, string, string][] = [
  ['schema', 'number', 'Format version of the record (1).'],
  [
    'id',
    'UUID',
    'Random proof-of-consent id the visitor and the operator can quote. Not linked to a person.',
  ],
  ['policyVersion', 'string', 'Version of the policy the visitor agreed to; a new version asks again.'],
  [
    'textHash',
    'string',
    'Hash of the banner and purpose texts shown when deciding ("" when decided through the API).',
  ],
  ['language', 'BCP 47 tag', 'Language the visitor read when deciding.'],
  ['decidedAt', 'ISO 8601', 'When the decision was made.'],
  ['expiresAt', 'ISO 8601', 'When the decision lapses and the banner asks again.'],
  ['method', 'accept_all | reject_all | custom | withdraw | gpc', 'How the decision was made.'],
  [
    'choices',
    'purpose → boolean',
    'One entry per purpose; only a literal true grants. necessary is always true.',
  ],
  ['gpc', 'boolean', 'Whether a Global Privacy Control signal was present and applied.'],
];

const BRIDGE: [string, string, string][] = [
  [
    'hello',
    'host → frame',
    'Introduces the host; the frame answers ready and announces later changes to it.',
  ],
  ['get', 'host → frame', 'Asks for the current state; answered with state.'],
  ['set { choices }', 'host → frame', 'Records a custom decision.'],
  ['accept-all / reject-all / withdraw', 'host → frame', 'Records that decision.'],
  ['open-preferences', 'host → frame', 'Opens the preferences dialog inside the frame.'],
  ['set-language { language }', 'host → frame', 'Switches the frame’s language.'],
  ['ready { record, language }', 'frame → host', 'Answer to hello (and same-window announcement at start).'],
  ['state { record, language }', 'frame → host', 'Answer to every other command, echoing requestId.'],
  ['change { record }', 'frame → host, and same window', 'Every decision, including withdrawals.'],
];

function table(caption: string, headers: string[], rows: (string | Node)[][], id?: string): HTMLTableElement {
  return h(
    'table',
    { class: 'info-table', id },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map(([first, ...rest]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, first),
          rest.map((cell) => h('td', {}, cell)),
        ),
      ),
    ),
  );
}

/** A real record from the real engine, on a throwaway key that is removed again at once. */
export async function exampleRecord(): Promise<ConsentRecord> {
  const storageKey = `razylyk:review-example:${crypto.randomUUID()}`;
  const consent = createConsent({ storageKey, gating: false, geolocationGuard: false, consentMode: false });
  const record = consent.set(
    { cookies: true, web_beacons: false, location: true, ad_personalization: false },
    { language: 'en' },
  );
  await Promise.resolve();
  consent.destroy();
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Storage unavailable: nothing was kept.
  }
  return record;
}

export function renderStored(example: ConsentRecord): HTMLElement {
  const purposes = resolvePurposes(undefined);
  const code = (text: string) => h('code', {}, text);
  return h(
    'div',
    { class: 'stored' },
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Where'),
      h(
        'dd',
        {},
        'localStorage of the site’s origin, key ',
        code(DEFAULT_STORAGE_KEY),
        ' (configurable with storageKey); in memory only when storage is blocked. No cookie is set by razylyk.',
      ),
      h('dt', {}, 'Lifetime'),
      h(
        'dd',
        {},
        `${DEFAULT_LIFETIME_DAYS} days (about 6 months, as the CNIL recommends) for consent and refusal alike; configurable up to ${MAX_LIFETIME_DAYS} days (13 months).`,
      ),
      h('dt', {}, 'Sent anywhere?'),
      h(
        'dd',
        {},
        'Only if the operator configures logEndpoint: then the record alone is posted there with navigator.sendBeacon.',
      ),
    ),
    table(
      'Fields of the consent record',
      ['Field', 'Type', 'Meaning'],
      FIELDS.map(([field, type, meaning]) => [field, type, meaning]),
      'record-fields',
    ),
    h('h3', {}, 'Example record (generated now by the engine)'),
    h(
      'pre',
      { class: 'json', id: 'example-record', tabindex: 0, 'aria-label': 'Example consent record' },
      JSON.stringify(example, null, 2),
    ),
    table(
      'Purposes',
      ['Purpose', 'Required', 'Off under GPC', 'Policy basis'],
      purposes.map((purpose) => {
        const target = policyTarget(purpose.policySection);
        return [
          purpose.id,
          purpose.required ? 'yes' : 'no',
          purpose.gpcRestricted ? 'yes' : 'no',
          h('a', { href: target.href }, target.label),
        ];
      }),
    ),
    table(
      'Events on the page',
      ['Event', 'Where', 'Detail'],
      [
        [
          'razylyk-change',
          'window (CustomEvent)',
          'The record of every decision, including withdrawals (method withdraw).',
        ],
        [
          'razylyk-change',
          'host window, with the host helper',
          'The frame’s record, mirrored on the host page.',
        ],
        ['storage', 'other tabs', 'Another tab’s decision is followed without a reload.'],
      ],
    ),
    table('postMessage bridge (protocol "razylyk", version 1)', ['Message', 'Direction', 'Meaning'], BRIDGE),
    table(
      'Google Consent Mode v2 mapping (a type is granted only when every listed purpose is)',
      ['Consent type', 'Granted when these purposes are granted'],
      [
        ['security_storage', 'always (necessary)'],
        ...Object.entries(DEFAULT_CONSENT_MODE).map(([type, list]) => [type, list.join(' + ')]),
      ],
      'consent-mode',
    ),
  );
}
