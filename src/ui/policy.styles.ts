import { css } from 'lit';

export const policyStyles = css`
  :host {
    display: block;
  }
  .surface {
    padding: 0;
  }
  h1 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h2,
  h3,
  h4 {
    line-height: 1.3;
    margin: 1.5rem 0 0.5rem;
    scroll-margin-block-start: 1rem;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.125rem;
  }
  h4 {
    font-size: 1rem;
  }
  p,
  ul,
  ol {
    margin: 0 0 0.75rem;
  }
  ul,
  ol {
    padding-inline-start: 1.5rem;
  }
  li {
    margin-block-end: 0.25rem;
    scroll-margin-block-start: 1rem;
  }
  nav {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  nav h2 {
    margin-block-start: 0;
    font-size: 1rem;
  }
  nav ol {
    margin: 0;
  }
  nav li {
    margin: 0;
  }
  nav a {
    display: inline-block;
    padding-block: 0.125rem;
    min-block-size: 1.5rem;
  }
  .toc-2 {
    padding-inline-start: 1rem;
  }
  .toc-3 {
    padding-inline-start: 2rem;
  }
  .target {
    outline: 2px solid var(--_focus);
    outline-offset: 4px;
    border-radius: 2px;
  }
  .controller-address {
    white-space: pre-line;
  }
  .source {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
  }
`;
