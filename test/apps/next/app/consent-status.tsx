'use client';
import { useConsent } from 'razylyk/react';

export function ConsentStatus() {
  // Starts razylyk once on the page (the banner shows if the visitor has not decided); "undecided" on the server.
  const { record } = useConsent({ language: 'en' });
  return <output id="status">{record ? JSON.stringify(record) : 'undecided'}</output>;
}
