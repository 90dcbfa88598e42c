/**
 * The legal review page. It leads with what a lawyer must decide (open questions, the divergence report,
 * the glossary), then the policy in every language side by side, the Turkmen source against its
 * corrections and the reviewer notes, every interface string, live previews, and what is stored where.
 */
import { getRazylyk } from '../src/core/instance.js';
import { DEFAULT_POLICY_VERSION } from '../src/core/policy-version.generated.js';
import '../src/ui/define.js';
import { loadReviewData, type LanguageData } from './review/data.js';
import { h } from './review/dom.js';
import { renderAnnotatedTurkmen, renderErrata } from './review/errata.js';
import { renderPolicyTable } from './review/policy-table.js';
import { renderPreview } from './review/preview.js';
import {
  renderDivergence,
  renderGlossary,
  renderNoteOutcomes,
  renderOpenQuestions,
} from './review/questions.js';
import { controllerFacts } from '../src/core/controller-facts.js';
import { renderStatusTable } from './review/status.js';
import { renderDeclarations } from './review/declarations.js';
import { exampleRecord, renderStored } from './review/stored.js';
import { SITE_PURPOSES } from './site-purposes.js';
import { renderStringsTable } from './review/strings.js';
import { byId } from './shared.js';

// The operator's facts come from the same configuration the product reads (window.razylykConfig); the
// controller-name/-address/-contact query parameters let a reviewer see a configured page.
const params = new URLSearchParams(location.search);
const fromQuery = {
  name: params.get('controller-name'),
  address: params.get('controller-address'),
  contact: params.get('controller-contact'),
};
const controller =
  controllerFacts(window.razylykConfig?.controller) ??
  controllerFacts(Object.fromEntries(Object.entries(fromQuery).filter(([, v]) => v !== null)));

// The previews' instance keeps its (throwaway) decisions apart from the demo site's real one.
const previewInstance = getRazylyk({
  controller,
  storageKey: 'razylyk:legal-review-preview',
  consentMode: false,
  gating: false,
  geolocationGuard: false,
});

const data = await loadReviewData();
const { languages } = data;
const turkmen = languages.find((language) => language.code === 'tk') ?? languages[0];

byId('policy-version').textContent = DEFAULT_POLICY_VERSION;
byId('source-id').textContent = turkmen.policy?.sourceId ?? '(unknown)';
byId('generated').textContent = new Date().toISOString().slice(0, 10);
byId('language-count').textContent = String(languages.length);

byId('controller-fact').textContent = controller ? controller.name : 'not configured (open question)';
byId('questions-view').append(renderOpenQuestions(data.notes, languages, controller));
byId('divergence-view').append(renderDivergence(data));
byId('outcomes-view').append(renderNoteOutcomes(data.notes, languages));
byId('glossary-view').append(renderGlossary(data.glossary, languages));
byId('status-view').append(renderStatusTable(languages));

// Side by side: two languages, or all of them.
const first = byId<HTMLSelectElement>('compare-a');
const second = byId<HTMLSelectElement>('compare-b');
const all = byId<HTMLInputElement>('compare-all');
for (const select of [first, second]) {
  select.append(...languages.map((l) => h('option', { value: l.code }, `${l.nativeName} (${l.code})`)));
}
first.value = 'tk';
second.value = 'en';
if (params.get('languages') === 'all') all.checked = true;

function shownLanguages(): LanguageData[] {
  if (all.checked) return languages;
  const picked = [first.value, second.value].filter((code, i, list) => list.indexOf(code) === i);
  return picked.map((code) => languages.find((l) => l.code === code)!).filter(Boolean);
}
function showPolicy(): void {
  first.disabled = second.disabled = all.checked;
  byId('policy-view').replaceChildren(renderPolicyTable(shownLanguages()));
}
for (const control of [first, second, all]) control.addEventListener('change', showPolicy);
showPolicy();

byId('errata-view').append(renderErrata(data.source, data.errata, turkmen.policy));
byId('errata-count').textContent = String(data.errata.length);
byId('notes-view').append(renderAnnotatedTurkmen(turkmen.policy, data.notes));
byId('notes-count').textContent = String(data.notes.length);
byId('strings-view').append(renderStringsTable(languages));
byId('preview-view').append(renderPreview(previewInstance));
byId('stored-view').append(renderStored(await exampleRecord()));
byId('declarations-view').append(renderDeclarations(SITE_PURPOSES));

byId('print').addEventListener('click', () => window.print());
document.documentElement.dataset.reviewReady = 'true';
// A deep link (#policy-location-data) can only be followed once the tables exist.
if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
