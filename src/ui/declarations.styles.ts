import { css } from 'lit';

/** The declarations table (src/ui/declarations.ts), in the preferences and the policy reader. */
export const declarationsStyles = css`
  .declarations-scroll {
    max-inline-size: 100%;
    overflow-x: auto;
  }
  .declarations-scroll:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .declarations {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.875rem;
  }
  .declarations caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  .declarations th,
  .declarations td {
    border: 1px solid var(--_border);
    padding: 0.25rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  .declarations code {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
`;
