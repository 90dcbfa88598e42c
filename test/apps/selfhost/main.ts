// The script tag's window.razylyk: the light first stage on a returning visit, the full instance once loaded.
import type {} from 'razylyk';

const status = document.querySelector<HTMLOutputElement>('#status')!;
const razylyk = window.razylyk!;
const show = () => {
  const record = razylyk.get();
  status.textContent = record ? JSON.stringify(record) : 'undecided';
};
show();
razylyk.onChange(show);
