import { css } from 'lit';

export const styles = css`
  :host {
    --qw-font-size: clamp(1rem, 1.6vw, 1.6rem);
    --qw-qr-size: clamp(160px, 22vw, 320px);
    max-width: none;
    min-height: 100%;
  }
  .title {
    font-size: 1.6em;
    font-weight: 800;
  }
  .join {
    font-size: 1.2em;
  }
  .waiting {
    text-align: center;
    font-size: 1.5em;
    padding: calc(var(--_space) * 3);
  }
  .split {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: var(--_space);
    align-items: start;
  }
  @media (max-width: 800px) {
    .split {
      grid-template-columns: 1fr;
    }
  }
`;
