import { css } from 'lit';

export const styles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.4em;
  }
  li {
    display: grid;
    grid-template-columns: 3em minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.6em;
    padding: 0.5em 0.8em;
    border-radius: var(--_radius-small);
    background: var(--_bg);
    border: 1px solid var(--_border);
  }
  li.me {
    border: 2px solid var(--_accent);
    font-weight: 700;
  }
  .rank {
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .score {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }
  .tag {
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: normal;
  }
  [part='me'] {
    margin-block-start: 0.75em;
    font-weight: 600;
  }
  h3 {
    margin-block-end: 0.6em;
  }
`;
