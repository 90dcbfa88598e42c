// Type-checked only (scripts/apps-test.mjs): the public types say what is true.
import { startRazylyk } from 'razylyk';

const razylyk = startRazylyk({ language: 'en-GB' });
razylyk.has('web_beacons');
// @ts-expect-error: a typo in a default purpose
razylyk.has('cookiez');
// @ts-expect-error: not a purpose of the record either
console.log(razylyk.get()?.choices.cookiez);
// @ts-expect-error: a language razylyk does not ship
startRazylyk({ language: 'english' });
// @ts-expect-error: the UI's hooks are not public
razylyk.attachUi({ openPreferences() {}, setLanguage() {} });

// Custom purposes: their ids come from the configuration (or startRazylyk<'chat'>(…)).
const withChat = startRazylyk({ purposes: [{ id: 'chat', required: false, policySection: 'cookies' }] });
withChat.has('chat');
withChat.set({ chat: true, cookies: false });
// @ts-expect-error: not configured
withChat.has('chats');

// window.razylyk: the script tag's light first stage, or the full instance.
export async function fromWindow(): Promise<void> {
  const page = window.razylyk;
  if (!page) return;
  // @ts-expect-error: the light instance has no purposes list; ready() gives the full one
  console.log(page.purposes);
  const record = await page.acceptAll();
  console.log(record.choices.cookies);
  const full = await page.ready();
  console.log(full.purposes.length, full.language);
}
