import { css } from 'lit';

export const styles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .summary {
    text-align: center;
  }
  .score {
    font-size: 2.4em;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
`;
