// Type-checked only (scripts/apps-test.mjs): razylyk/react's JSX typings for the elements.
import type {} from 'razylyk/react';

export const policy = <razylyk-policy section="cookies" theme="dark" class="privacy" />;
export const preferences = (
  <razylyk-preferences onrazylyk-preferences-open={(event) => console.log(event.detail.open)} />
);
export const banner = (
  <razylyk-banner
    layout="box"
    ref={(element) => {
      if (element) console.log(element.layout);
    }}
  />
);

// @ts-expect-error: not a layout
export const badLayout = <razylyk-banner layout="sideways" />;
// @ts-expect-error: not one of razylyk's elements
export const typo = <razylyk-baner />;
// @ts-expect-error: the detail is { open: boolean }
export const badEvent = <razylyk-preferences onrazylyk-preferences-close={(event) => event.detail.closed} />;
