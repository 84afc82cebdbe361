import { css } from 'lit';

export const styles = css`
  [part='versus'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
    align-items: center;
    gap: 0.75em;
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
  }
  .side {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .side.them {
    text-align: end;
  }
  .side .name {
    font-weight: 700;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .side .score {
    font-size: 1.5em;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .vs {
    font-weight: 800;
    color: var(--_muted);
  }
  [part='outcome'] {
    font-size: 2em;
    font-weight: 800;
    text-align: center;
  }
  .notice {
    border: 2px solid var(--_warning);
    color: var(--_warning);
    border-radius: var(--_radius-small);
    padding: 0.6em var(--_space);
    font-weight: 600;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
`;
