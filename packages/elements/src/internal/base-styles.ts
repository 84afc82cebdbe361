import { css } from 'lit';

/**
 * Design tokens and resets every element shares. Public tokens are `--qw-*` custom properties
 * that a page sets on the element (or any ancestor); each element resolves them into private
 * `--_*` variables with a light and a dark default picked by the element's `color-scheme`.
 * Inherited page styles (fonts, alignment, spacing) are reset at the host so nothing leaks in.
 */
export const baseStyles = css`
  :host {
    --_bg: var(--qw-color-background, light-dark(#ffffff, #15151c));
    --_surface: var(--qw-color-surface, light-dark(#f3f3f8, #23232d));
    --_text: var(--qw-color-text, light-dark(#1b1b22, #f1f1f6));
    --_muted: var(--qw-color-muted, light-dark(#55556a, #b0b0c2));
    --_border: var(--qw-color-border, light-dark(#c9c9d6, #454556));
    --_accent: var(--qw-color-accent, light-dark(#4433d6, #a79fff));
    --_on-accent: var(--qw-color-on-accent, light-dark(#ffffff, #15151c));
    --_success: var(--qw-color-success, light-dark(#12703a, #6ddc9b));
    --_danger: var(--qw-color-danger, light-dark(#b3261e, #ff9a90));
    --_warning: var(--qw-color-warning, light-dark(#8a4b00, #ffc46b));
    --_opt-1: var(--qw-option-1, #b3261e);
    --_opt-2: var(--qw-option-2, #1a56b0);
    --_opt-3: var(--qw-option-3, #7a5200);
    --_opt-4: var(--qw-option-4, #17703a);
    --_opt-5: var(--qw-option-5, #7b2fa8);
    --_opt-6: var(--qw-option-6, #0b6570);
    --_on-opt: var(--qw-option-text, #ffffff);
    --_radius: var(--qw-radius, 12px);
    --_radius-small: var(--qw-radius-small, 8px);
    --_space: var(--qw-space, 1rem);
    --_font: var(--qw-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--qw-font-size, 1rem);
    --_focus: var(--qw-focus-ring, 3px solid var(--_accent));
    --_shadow: var(--qw-shadow, 0 1px 3px rgb(0 0 0 / 0.15));
    --_duration: var(--qw-duration, 200ms);

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-weight: normal;
    font-style: normal;
    line-height: 1.4;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    white-space: normal;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1,
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.35em;
    line-height: 1.25;
  }
  h3 {
    font-size: 1.1em;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 2px solid transparent;
    border-radius: var(--_radius-small);
    padding: 0.6em 1.1em;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    min-height: 44px;
  }
  button.secondary {
    background: transparent;
    color: var(--_text);
    border-color: var(--_border);
  }
  button.danger {
    background: transparent;
    color: var(--_danger);
    border-color: currentColor;
  }
  button[disabled],
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input,
  select,
  textarea {
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 0.55em 0.75em;
    min-height: 44px;
    width: 100%;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .error::before {
    content: '⚠ ';
  }
  .card {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
