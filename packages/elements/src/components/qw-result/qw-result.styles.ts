import { css } from 'lit';

export const styles = css`
  .result {
    display: flex;
    flex-direction: column;
    gap: 0.6em;
    text-align: center;
    align-items: center;
    border: 3px solid currentColor;
  }
  .result.correct {
    color: var(--_success);
  }
  .result.incorrect {
    color: var(--_danger);
  }
  .result.neutral {
    color: var(--_accent);
  }
  .icon {
    font-size: 2.5em;
    line-height: 1;
  }
  [part='verdict'] {
    font-size: 1.6em;
    font-weight: 800;
  }
  .details {
    color: var(--_text);
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.4em 1.2em;
    font-weight: 600;
  }
  .answer,
  .why {
    color: var(--_text);
  }
  [part='points'] {
    font-size: 1.3em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .result {
      animation: pop 300ms ease-out;
    }
  }
  @keyframes pop {
    from {
      transform: scale(0.92);
      opacity: 0;
    }
  }
`;
