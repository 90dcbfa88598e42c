import { startRazylyk, type ConsentRecord } from 'razylyk';

const app = document.querySelector<HTMLElement>('#app')!;
const heading = document.createElement('h1');
heading.textContent = 'Plain TypeScript app';
const status = document.createElement('output');
status.id = 'status';
const settings = document.createElement('button');
settings.type = 'button';
settings.setAttribute('data-razylyk-open', '');
settings.textContent = 'Privacy settings';
app.append(heading, status, settings);

const show = (record: ConsentRecord | null) => {
  status.textContent = record ? JSON.stringify(record) : 'undecided';
};
const razylyk = startRazylyk({ language: 'en' });
show(razylyk.get());
razylyk.onChange(() => show(razylyk.get()));
// The consumer type-check also covers the element map: this is a RazylykBanner | null.
const banner = document.querySelector('razylyk-banner');
if (banner) console.debug('banner layout', banner.layout);
