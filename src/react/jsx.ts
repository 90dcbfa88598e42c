/**
 * The elements in React 19's JSX: `<razylyk-policy section="cookies" />` type-checks, with each
 * element's attributes and React 19's custom-element event props (`onrazylyk-preferences-open`).
 * Part of razylyk/react; `import type {} from 'razylyk/react'` brings it alone.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementClasses } from '../ui/define.js';
import type { RazylykElementEvents, RazylykElementProps } from '../ui/element-props.js';

type Tag = keyof RazylykElementProps;
type EventProps<T extends Tag> = T extends keyof RazylykElementEvents
  ? {
      [E in keyof RazylykElementEvents[T] as `on${E & string}`]?: (event: RazylykElementEvents[T][E]) => void;
    }
  : unknown;

type RazylykIntrinsicElements = { [T in Tag]: RazylykJsxProps<T> };

/** An element's JSX props: React's HTML attributes, its own attributes, its events. */
export type RazylykJsxProps<T extends Tag> = DetailedHTMLProps<
  HTMLAttributes<ElementClasses[T]>,
  ElementClasses[T]
> &
  RazylykElementProps[T] &
  EventProps<T> & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends RazylykIntrinsicElements {}
  }
}
