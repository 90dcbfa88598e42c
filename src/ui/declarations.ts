/**
 * What each purpose stores or shares, as the preferences and the policy reader list it: the
 * declarations of `config.purposes` (`cookies`, `storageKeys`, `thirdParties`: plain names and patterns,
 * or `{ name, provider?, duration?, description? }`), and razylyk's own record under `necessary`. Read
 * here, where it is shown, not in the engine: the core only takes the names it deletes on withdrawal.
 */
import { html, nothing } from 'lit';
import { DEFAULT_LIFETIME_DAYS, DEFAULT_STORAGE_KEY } from '../core/options.js';
import type { ConsentApi, Declaration, LocalText, PurposeId } from '../core/types.js';
import type { LanguageCode } from '../i18n/languages.js';
import type { UiKey } from '../i18n/resources.js';

const LISTS = [
  ['cookies', 'cookie'],
  ['storageKeys', 'storage'],
  ['thirdParties', 'third-party'],
] as const;

const KIND_KEYS: Record<Declaration['kind'], UiKey> = {
  cookie: 'declarations.cookie',
  storage: 'declarations.storage',
  'third-party': 'declarations.thirdParty',
};

/** An own property only: configuration comes from the host page and may carry inherited surprises. */
const own = (source: unknown, key: string): unknown =>
  source !== null && typeof source === 'object' && Object.hasOwn(source, key)
    ? (source as Record<string, unknown>)[key]
    : undefined;

/** The declarations of purpose `id`, razylyk's own record first under `necessary`. */
export function declarationsOf(instance: Pick<ConsentApi, 'config'>, id: PurposeId): Declaration[] {
  const { config } = instance;
  const declared: Declaration[] = [];
  if (id === 'necessary') {
    // The instance's configuration is a checked one (src/core/config.ts): its values hold, capped.
    // (The defaults by name, not through the table: the dialogs' chunk does not carry it.)
    declared.push({
      kind: 'storage',
      name: config.storageKey ?? DEFAULT_STORAGE_KEY,
      provider: 'razylyk',
      duration: config.lifetimeDays ?? DEFAULT_LIFETIME_DAYS,
      builtIn: true,
    });
  }
  const inputs = own(config, 'purposes');
  if (!Array.isArray(inputs)) return declared;
  for (const input of inputs as unknown[]) {
    if (own(input, 'id') !== id) continue;
    for (const [list, kind] of LISTS) {
      const items = own(input, list);
      if (!Array.isArray(items)) continue;
      for (const item of items as unknown[]) {
        const entry = declaration(kind, item);
        if (entry) declared.push(entry);
      }
    }
  }
  return declared;
}

/** A plain name, or `{ name, provider?, duration?, description? }`; a RegExp has no name to show. */
function declaration(kind: Declaration['kind'], item: unknown): Declaration | undefined {
  if (typeof item === 'string') return item.trim() ? { kind, name: item } : undefined;
  const name = own(item, 'name');
  if (item instanceof RegExp || typeof name !== 'string' || !name.trim()) return undefined;
  const entry: Declaration = { kind, name };
  const provider = own(item, 'provider');
  if (typeof provider === 'string' && provider.trim()) entry.provider = provider;
  const duration = own(item, 'duration');
  if (typeof duration === 'number' && duration >= 0 && duration < Infinity) entry.duration = duration;
  else if (isLocalText(duration)) entry.duration = duration;
  const description = own(item, 'description');
  if (isLocalText(description)) entry.description = description;
  return entry;
}

function isLocalText(value: unknown): value is LocalText {
  return (
    typeof value === 'string' ||
    (value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.keys(value).every((key) => typeof own(value, key) === 'string'))
  );
}

/** Text in `language`: the operator's words for it, else for Turkmen or English, else the first given. */
function textIn(value: LocalText | undefined, language: LanguageCode): string {
  if (value === undefined || typeof value === 'string') return value ?? '';
  for (const lang of [language, 'tk', 'en']) {
    const text = own(value, lang);
    if (typeof text === 'string') return text;
  }
  const first = Object.keys(value)[0];
  return first === undefined ? '' : String(own(value, first));
}

/** A number of days in the visitor's words ("182 days", "182 дня"). */
function days(count: number, language: LanguageCode): string {
  try {
    return new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(count);
  } catch {
    return String(count);
  }
}

type T = (key: UiKey) => string;

/**
 * The table of one purpose's declarations, captioned with the purpose's title (nothing when it has
 * none). `id` keeps the caption's id unique in the element's shadow root; the scroll box keeps a wide
 * table from widening the page at 320 px (WCAG 1.4.10 exempts data tables, not the page around them).
 */
export function renderDeclarations(
  declarations: Declaration[],
  title: string,
  t: T,
  language: LanguageCode,
  id: string,
) {
  if (!declarations.length) return nothing;
  const caption = `${id}-caption`;
  return html`<div class="declarations-scroll" role="region" tabindex="0" aria-labelledby=${caption}>
    <table class="declarations" part="declarations">
      <caption id=${caption}>
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('declarations.name')}</th>
          <th scope="col">${t('declarations.kind')}</th>
          <th scope="col">${t('declarations.provider')}</th>
          <th scope="col">${t('declarations.duration')}</th>
          <th scope="col">${t('declarations.description')}</th>
        </tr>
      </thead>
      <tbody>
        ${declarations.map(
          (entry) =>
            html`<tr data-kind=${entry.kind}>
              <th scope="row"><code>${entry.name}</code></th>
              <td>${t(KIND_KEYS[entry.kind])}</td>
              <td>${entry.provider ?? ''}</td>
              <td>
                ${typeof entry.duration === 'number' ? days(entry.duration, language) : textIn(entry.duration, language)}
              </td>
              <td>
                ${entry.builtIn ? t('declarations.consentRecord') : textIn(entry.description, language)}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
