/**
 * Before `location` is granted, navigator.geolocation answers PERMISSION_DENIED without prompting:
 * a site's map script loaded early must not trigger the browser's permission prompt.
 */
const PERMISSION_DENIED = 1;

const denied = () => false;
// Kept on the geolocation object, not in this module: the script tag's returning-visitor path and the
// engine loaded after it are separate bundles, and the one installed wrapper must ask whichever is alive.
// Its presence also says the wrapper is installed.
const GRANTED = Symbol.for('razylyk.geolocation');
type Guarded = Geolocation & { [GRANTED]?: () => boolean };

/** Guards the page's geolocation with `granted`; returns a release that denies again (on destroy). */
export function guardGeolocation(granted: () => boolean): () => void {
  const geo = navigator.geolocation as Guarded | undefined;
  if (!geo) return denied;
  if (GRANTED in geo) geo[GRANTED] = granted;
  else install(geo, granted);
  return () => {
    if (geo[GRANTED] === granted) geo[GRANTED] = denied;
  };
}

function install(geo: Guarded, granted: () => boolean): void {
  const isGranted = () => geo[GRANTED]!();
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
      [GRANTED]: { writable: true, value: granted },
    });
  } catch {
    // A frozen navigator.geolocation cannot be guarded; gated map scripts are still blocked.
  }
}
