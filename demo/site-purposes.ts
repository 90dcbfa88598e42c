/**
 * The sample site's purposes with their declarations, as demo/index.html configures them (its inline
 * `window.razylykConfig`, which a site owner writes before the script tag, repeats this list: keep the
 * two the same). The legal review page lists these declarations.
 */
import type { PurposeInput } from '../src/core/types.js';

export const SITE_PURPOSES: PurposeInput[] = [
  {
    id: 'necessary',
    cookies: [
      {
        name: 'qiming_session',
        provider: 'Qiming',
        duration: { en: 'Session', de: 'Sitzung' },
        description: { en: 'Keeps you signed in.', de: 'Hält Sie angemeldet.' },
      },
    ],
  },
  {
    id: 'cookies',
    cookies: [
      {
        name: 'qiming_demo_*',
        provider: 'Qiming',
        duration: 1,
        description: {
          en: 'Remembers your display preferences.',
          de: 'Merkt sich Ihre Anzeigeeinstellungen.',
        },
      },
    ],
  },
  {
    id: 'web_beacons',
    storageKeys: [
      {
        name: 'qiming:pageviews',
        provider: 'Qiming',
        duration: 30,
        description: { en: 'Counts page views on this device.', de: 'Zählt Seitenaufrufe auf diesem Gerät.' },
      },
    ],
  },
  {
    id: 'location',
    thirdParties: [
      {
        name: 'Qiming Maps',
        provider: 'Qiming Maps',
        description: { en: 'Shows the store-finder map.', de: 'Zeigt die Filialkarte.' },
      },
    ],
  },
  {
    id: 'ad_personalization',
    thirdParties: [
      {
        name: 'Qiming Video',
        provider: 'Qiming Video',
        description: {
          en: 'Plays product videos and picks offers for you.',
          de: 'Spielt Produktvideos ab und wählt Angebote für Sie aus.',
        },
      },
    ],
  },
];
