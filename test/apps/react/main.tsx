import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useConsent } from 'razylyk/react';

function App() {
  // Starts razylyk once (StrictMode's double effects included); re-renders when the decision changes.
  const { record } = useConsent({ language: 'en' });
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
