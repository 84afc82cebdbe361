import { css } from 'lit';

export const styles = css`
  [part='banner'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.6) var(--_space);
    border-radius: var(--_radius-small);
    border: 2px solid currentColor;
    background: var(--_surface);
    font-weight: 600;
  }
  [part='banner']:empty {
    display: none;
  }
  .reconnecting,
  .connecting {
    color: var(--_warning);
  }
  .closed {
    color: var(--_danger);
  }
  .recovered {
    color: var(--_success);
  }
  .icon {
    flex: none;
  }
  .text {
    flex: 1;
  }
  .spin {
    display: inline-block;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  button {
    min-height: 36px;
    padding: 0.3em 0.9em;
  }
`;
