import { css } from 'lit';

export const styles = css`
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    align-items: end;
    gap: calc(var(--_space) * 0.6);
  }
  li {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.3em;
    text-align: center;
    min-width: 0;
  }
  /* Visual order 2-1-3; the DOM (and screen readers) keep 1-2-3. */
  li.p1 { order: 2; }
  li.p2 { order: 1; }
  li.p3 { order: 3; }
  .step {
    width: 100%;
    border-radius: var(--_radius-small) var(--_radius-small) 0 0;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 800;
    font-size: 1.3em;
    display: flex;
    align-items: flex-start;
    justify-content: center;
    padding-block-start: 0.4em;
  }
  .p1 .step { height: 7em; }
  .p2 .step { height: 5em; }
  .p3 .step { height: 3.6em; }
  .medal {
    display: grid;
    place-items: center;
    width: 2.2em;
    height: 2.2em;
    border-radius: 50%;
    font-weight: 800;
    color: #1b1b22;
    border: 3px solid rgb(0 0 0 / 0.25);
  }
  .m1 { background: var(--qw-medal-1, #f2c94c); }
  .m2 { background: var(--qw-medal-2, #cfd4dc); }
  .m3 { background: var(--qw-medal-3, #d99a62); }
  .name {
    font-weight: 700;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .tag {
    color: var(--_muted);
    font-weight: normal;
  }
  h2 {
    text-align: center;
    margin-block-end: var(--_space);
  }
  @media (prefers-reduced-motion: no-preference) {
    .step {
      animation: rise 600ms ease-out both;
      transform-origin: bottom;
    }
    .p2 .step { animation-delay: 150ms; }
    .p1 .step { animation-delay: 300ms; }
  }
  @keyframes rise {
    from {
      transform: scaleY(0);
    }
  }
`;
