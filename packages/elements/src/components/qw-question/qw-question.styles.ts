import { css } from 'lit';

export const styles = css`
  .question {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .index {
    font-weight: 600;
    color: var(--_muted);
  }
  .badge {
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.1em 0.6em;
    font-size: 0.85em;
    font-weight: 600;
  }
  [part='timer'] {
    margin-inline-start: auto;
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    min-width: 7em;
  }
  [part='timer'].warning {
    color: var(--_danger);
  }
  .bar {
    flex: 1;
    height: 8px;
    min-width: 4em;
    border-radius: 4px;
    background: var(--_border);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: currentColor;
    transition: width 250ms linear;
  }
  [part='prompt'] {
    font-size: 1.5em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  [part='options'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    gap: calc(var(--_space) * 0.6);
    padding: 0;
    margin: 0;
  }
  .option {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
    text-align: start;
    min-height: 64px;
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    color: var(--_on-opt);
    border: 3px solid transparent;
    font-size: 1.1em;
    box-shadow: var(--_shadow);
    transition: filter var(--_duration), box-shadow var(--_duration);
  }
  /* Hover changes paint only, never layout: an option that moved under a resting pointer would
     flicker between hovered and not, and never sit still long enough to be clicked. */
  .option:not([aria-disabled='true']):hover {
    filter: brightness(1.08);
    box-shadow: var(--_shadow), 0 0 0 2px var(--_text);
  }
  .option[aria-disabled='true'] {
    cursor: default;
    opacity: 1;
  }
  /* Wrong options after the reveal: greyed, which keeps their text contrast (unlike opacity). */
  .option.dim {
    filter: grayscale(0.85);
  }
  .option[aria-pressed='true'],
  .option.chosen {
    border-color: var(--_text);
    outline: 3px solid var(--_bg);
    outline-offset: -6px;
  }
  .option .shape {
    width: 1.6em;
    height: 1.6em;
    flex: none;
  }
  .option .key {
    flex: none;
    font-weight: 800;
    min-width: 1.6em;
    text-align: center;
    border: 2px solid currentColor;
    border-radius: 6px;
  }
  .option .text {
    flex: 1 1 5em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .option .mark {
    flex: none;
    font-weight: 800;
    background: var(--_bg);
    color: var(--_text);
    border-radius: 999px;
    padding: 0.1em 0.6em;
    font-size: 0.85em;
  }
  .o0 { background: var(--_opt-1); }
  .o1 { background: var(--_opt-2); }
  .o2 { background: var(--_opt-3); }
  .o3 { background: var(--_opt-4); }
  .o4 { background: var(--_opt-5); }
  .o5 { background: var(--_opt-6); }
  [part='status'] {
    min-height: 1.4em;
    font-weight: 600;
  }
  .ready {
    font-size: 1.4em;
    font-weight: 700;
    text-align: center;
    padding: var(--_space);
  }
`;
