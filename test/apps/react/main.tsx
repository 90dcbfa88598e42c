import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { startRazylyk } from 'razylyk';

// Once, outside React: StrictMode's double effects must not start it twice.
const razylyk = startRazylyk({ language: 'en' });

function App() {
  const record = useSyncExternalStore(razylyk.onChange, razylyk.get);
  return (
    <main>
      <h1>React app</h1>
      <output id="status">{record ? JSON.stringify(record) : 'undecided'}</output>
      <button type="button" data-razylyk-open="">
        Privacy settings
      </button>
    </main>
  );
}

createRoot(document.querySelector('#app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
