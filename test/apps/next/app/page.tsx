// A server component: prerendered by `next build`; the consent state is a client component inside it.
import { ConsentStatus } from './consent-status';

export default function Page() {
  return (
    <main>
      <h1>Next.js app</h1>
      <ConsentStatus />
      <button type="button" data-razylyk-open="">
        Privacy settings
      </button>
    </main>
  );
}
