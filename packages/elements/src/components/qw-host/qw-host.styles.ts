import { css } from 'lit';

export const styles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .code {
    font-size: 1.6em;
    font-weight: 800;
    letter-spacing: 0.1em;
  }
  .split {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: var(--_space);
    align-items: start;
  }
  @media (max-width: 760px) {
    .split {
      grid-template-columns: 1fr;
    }
  }
  a {
    color: var(--_accent);
  }
  ul.details {
    margin: 0;
    padding-inline-start: 1.2em;
  }
`;
