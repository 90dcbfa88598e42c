/**
 * Before `location` is granted, navigator.geolocation answers PERMISSION_DENIED without prompting:
 * a site's map script loaded early must not trigger the browser's permission prompt.
 */
const PERMISSION_DENIED = 1;

const denied = () => false;
/** The guard is installed once per page, but must ask the controller alive now, not the first one. */
let isGranted: () => boolean = denied;

/** Guards the page's geolocation with `granted`; returns a release that denies again (on destroy). */
export function guardGeolocation(granted: () => boolean): () => void {
  isGranted = granted;
  install();
  return () => {
    if (isGranted === granted) isGranted = denied;
  };
}

function install(): void {
  const geo = navigator.geolocation as Geolocation | undefined;
  if (!geo || (geo as { __razylykGuarded?: boolean }).__razylykGuarded) return;
  const getCurrentPosition = geo.getCurrentPosition.bind(geo);
  const watchPosition = geo.watchPosition.bind(geo);
  const deny = (onError?: PositionErrorCallback | null) => {
    const positionError = {
      code: PERMISSION_DENIED,
      message: 'razylyk: location is not consented to',
      PERMISSION_DENIED: 1,
      POSITION_UNAVAILABLE: 2,
      TIMEOUT: 3,
    } as GeolocationPositionError;
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
      __razylykGuarded: { value: true },
    });
  } catch {
    // A frozen navigator.geolocation cannot be guarded; gated map scripts are still blocked.
  }
}
