/**
 * The elements in React 19's JSX: `<razylyk-policy section="cookies" />` type-checks, with each
 * element's attributes and React 19's custom-element event props (`onrazylyk-preferences-open`).
 * Part of razylyk/react; `import type {} from 'razylyk/react'` brings it alone.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  RazylykBanner,
  RazylykLanguageSelect,
  RazylykPolicy,
  RazylykPolicyDialog,
  RazylykPreferences,
  RazylykSettingsButton,
} from '../ui/define.js';
import type { RazylykElementEvents, RazylykElementProps } from '../ui/element-props.js';

interface Classes {
  'razylyk-banner': RazylykBanner;
  'razylyk-preferences': RazylykPreferences;
  'razylyk-policy': RazylykPolicy;
  'razylyk-policy-dialog': RazylykPolicyDialog;
  'razylyk-language-select': RazylykLanguageSelect;
  'razylyk-settings-button': RazylykSettingsButton;
}
type Tag = keyof RazylykElementProps;
type EventProps<T extends Tag> = T extends keyof RazylykElementEvents
  ? {
      [E in keyof RazylykElementEvents[T] as `on${E & string}`]?: (event: RazylykElementEvents[T][E]) => void;
    }
  : unknown;

/** An element's JSX props: React's HTML attributes, its own attributes, its events. */
export type RazylykJsxProps<T extends Tag> = DetailedHTMLProps<HTMLAttributes<Classes[T]>, Classes[T]> &
  RazylykElementProps[T] &
  EventProps<T> & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'razylyk-banner': RazylykJsxProps<'razylyk-banner'>;
      'razylyk-preferences': RazylykJsxProps<'razylyk-preferences'>;
      'razylyk-policy': RazylykJsxProps<'razylyk-policy'>;
      'razylyk-policy-dialog': RazylykJsxProps<'razylyk-policy-dialog'>;
      'razylyk-language-select': RazylykJsxProps<'razylyk-language-select'>;
      'razylyk-settings-button': RazylykJsxProps<'razylyk-settings-button'>;
    }
  }
}
