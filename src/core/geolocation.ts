import { pageContract } from './page-contract.js';

/**
 * Before `location` is granted, navigator.geolocation answers PERMISSION_DENIED without prompting:
 * a site's map script loaded early must not trigger the browser's permission prompt.
 */
const PERMISSION_DENIED = 1;

const denied = () => false;

/**
 * Guards the page's geolocation with `granted`; returns a release that denies again (on destroy). The
 * wrapper is installed once per page and asks the page contract's check: the script tag's first stage
 * and the engine loaded after it are separate bundles, and the one wrapper must ask whichever is alive.
 */
export function guardGeolocation(granted: () => boolean): () => void {
  const geo = navigator.geolocation as Geolocation | undefined;
  if (!geo) return denied;
  const contract = pageContract();
  if (!contract.geolocation) install(geo, () => contract.geolocation!());
  contract.geolocation = granted;
  return () => {
    if (contract.geolocation === granted) contract.geolocation = denied;
  };
}

function install(geo: Geolocation, isGranted: () => boolean): void {
  const getCurrentPosition = geo.getCurrentPosition.bind(geo);
  const watchPosition = geo.watchPosition.bind(geo);
  const deny = (onError?: PositionErrorCallback | null) => {
    // A real GeolocationPositionError to the page's code (instanceof, and its constants).
    const positionError = Object.create(GeolocationPositionError.prototype, {
      code: { value: PERMISSION_DENIED },
      message: { value: 'razylyk: no consent for location' },
    }) as GeolocationPositionError;
    // Asynchronous, as the real API reports errors.
    setTimeout(() => onError?.(positionError), 0);
  };
  try {
    Object.defineProperties(geo, {
      getCurrentPosition: {
        configurable: true,
        value: (ok: PositionCallback, onError?: PositionErrorCallback | null, options?: PositionOptions) =>
          isGranted() ? getCurrentPosition(ok, onError, options) : deny(onError),
      },
      watchPosition: {
        configurable: true,
        value: (ok: PositionCallback, onError?: PositionErrorCallback | null, options?: PositionOptions) => {
          if (isGranted()) return watchPosition(ok, onError, options);
          deny(onError);
          return 0;
        },
      },
    });
  } catch {
    // A frozen navigator.geolocation cannot be guarded; gated map scripts are still blocked.
  }
}
