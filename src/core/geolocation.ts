/**
 * Before `location` is granted, navigator.geolocation answers PERMISSION_DENIED without prompting:
 * a site's map script loaded early must not trigger the browser's permission prompt.
 */
const PERMISSION_DENIED = 1;

const denied = () => false;
// Kept on the geolocation object, not in this module: the script tag's returning-visitor path and the
// engine loaded after it are separate bundles, and the one installed wrapper must ask whichever is alive.
const GRANTED = Symbol.for('razylyk.geolocation-granted');
type Guarded = Geolocation & { [GRANTED]?: () => boolean; __razylykGuarded?: boolean };

/** Guards the page's geolocation with `granted`; returns a release that denies again (on destroy). */
export function guardGeolocation(granted: () => boolean): () => void {
  const geo = navigator.geolocation as Guarded | undefined;
  if (!geo) return denied;
  try {
    geo[GRANTED] = granted;
  } catch {
    // A frozen navigator.geolocation cannot be guarded at all; install() below says nothing either.
  }
  install(geo);
  return () => {
    if (geo[GRANTED] === granted) geo[GRANTED] = denied;
  };
}

function install(geo: Guarded): void {
  if (geo.__razylykGuarded) return;
  const isGranted = () => (geo[GRANTED] ?? denied)();
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
