import { css } from 'lit';

/** Layout shared by the composites: a column of pieces on a surface. */
export const compositeStyles = css`
  :host {
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: var(--_space);
    max-width: var(--qw-max-width, 56rem);
    color-scheme: inherit;
  }
  .frame {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  /* The banner is empty while connected: take back the gap it would leave. */
  .frame > qw-connection:not([active]) {
    margin-block-end: calc(var(--_space) * -1);
  }
  .me {
    font-weight: 700;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
  }
  .center {
    text-align: center;
  }
  .big {
    font-size: 1.4em;
    font-weight: 700;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 0.75em;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.6em;
  }
  legend {
    font-weight: 700;
    padding: 0 0.3em;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
    font-weight: 600;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.5em;
    font-weight: normal;
  }
  label.inline input {
    width: auto;
    min-height: 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.75em;
  }
`;
