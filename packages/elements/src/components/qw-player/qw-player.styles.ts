import { css } from 'lit';

export const styles = css`
  .waiting {
    text-align: center;
    padding: var(--_space);
  }
`;
