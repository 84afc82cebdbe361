import { css } from 'lit';

export const styles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  li {
    display: grid;
    grid-template-columns: auto minmax(6em, 1fr) minmax(0, 2fr) auto;
    align-items: center;
    gap: 0.6em;
  }
  .shape {
    width: 1.4em;
    height: 1.4em;
  }
  .label {
    overflow-wrap: anywhere;
  }
  .track {
    height: 1.4em;
    border-radius: var(--_radius-small);
    background: var(--_border);
    overflow: hidden;
  }
  [part~='bar'] {
    display: block;
    height: 100%;
    transition: width var(--_duration) ease-out;
  }
  .count {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    min-width: 5em;
    text-align: end;
  }
  li.wrong .track {
    filter: grayscale(0.85);
  }
  .mark {
    font-weight: 800;
    color: var(--_success);
  }
  .c0 { color: var(--_opt-1); }
  .c1 { color: var(--_opt-2); }
  .c2 { color: var(--_opt-3); }
  .c3 { color: var(--_opt-4); }
  .c4 { color: var(--_opt-5); }
  .c5 { color: var(--_opt-6); }
  .b0 { background: var(--_opt-1); }
  .b1 { background: var(--_opt-2); }
  .b2 { background: var(--_opt-3); }
  .b3 { background: var(--_opt-4); }
  .b4 { background: var(--_opt-5); }
  .b5 { background: var(--_opt-6); }
  .summary {
    margin-block-end: 0.5em;
    font-weight: 600;
  }
`;
