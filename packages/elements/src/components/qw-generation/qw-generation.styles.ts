import { css } from 'lit';

export const styles = css`
  [part='progress'] {
    height: 12px;
    border-radius: 6px;
    background: var(--_border);
    overflow: hidden;
  }
  [part='progress'] > span {
    display: block;
    height: 100%;
    background: var(--_accent);
    transition: width var(--_duration) ease-out;
  }
  ol {
    margin: 0;
    padding-inline-start: 1.5em;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .source {
    font-size: 0.8em;
    color: var(--_muted);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
    margin-inline-start: 0.4em;
  }
  .options {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .right {
    color: var(--_success);
    font-weight: 700;
  }
  .failed {
    color: var(--_warning);
    font-weight: 600;
  }
`;
