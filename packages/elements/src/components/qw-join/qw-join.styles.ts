import { css } from 'lit';

export const styles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
    font-weight: 600;
  }
  input[name='code'] {
    font-size: 1.4em;
    letter-spacing: 0.12em;
    text-transform: uppercase;
    font-variant-numeric: tabular-nums;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    font-weight: 600;
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .actions button[type='submit'] {
    flex: 1 1 auto;
  }
`;
