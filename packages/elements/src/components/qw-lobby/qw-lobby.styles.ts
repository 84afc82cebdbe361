import { css } from 'lit';

export const styles = css`
  .lobby {
    display: grid;
    gap: var(--_space);
  }
  .lobby.with-share {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  @container (max-width: 520px) {
    .lobby.with-share {
      grid-template-columns: 1fr;
    }
  }
  :host {
    container-type: inline-size;
  }
  .code {
    font-size: 2.2em;
    font-weight: 800;
    letter-spacing: 0.12em;
    font-variant-numeric: tabular-nums;
  }
  .share {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5em;
    text-align: center;
  }
  svg[part='qr'] {
    width: var(--qw-qr-size, 180px);
    height: auto;
    border-radius: var(--_radius-small);
    border: 1px solid var(--_border);
  }
  .link {
    word-break: break-all;
    color: var(--_accent);
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  li {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    max-width: 100%;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.25em 0.35em 0.25em 0.9em;
    min-height: 40px;
  }
  li.me {
    border: 2px solid var(--_accent);
  }
  li.offline .name {
    opacity: 0.7;
    font-style: italic;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 16em;
  }
  .tag {
    font-size: 0.8em;
    color: var(--_muted);
  }
  button.kick {
    min-height: 32px;
    min-width: 32px;
    padding: 0 0.5em;
    border-radius: 999px;
    background: transparent;
    color: var(--_danger);
    border: 1px solid currentColor;
  }
`;
