import { CloseCode } from '@quizwire/protocol';
import { html, nothing, type PropertyValues } from 'lit';
import type { ConnectionValue } from '../../client.js';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { styles } from './qw-connection.styles.js';

/** How long the "reconnected" notice stays, in ms. */
const RECOVERED_NOTICE_MS = 4000;

/**
 * The connection banner. A lost connection is never silent: while the client reconnects the
 * banner says so (and how many attempts it made), after it is back it says whether the
 * game continued seamlessly, and after a final close it says why (kicked, game ended, …).
 * Renders nothing while the connection is healthy.
 *
 * @summary Connection status banner (reconnecting, recovered, closed).
 * @tag qw-connection
 *
 * @attr theme - `light`, `dark` or `auto`; unset follows the page's `color-scheme`.
 * @prop {QuizClientLike} client - The quiz client whose `$connection` store is shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @attr {boolean} active - Reflected: present while the banner shows something.
 * @csspart banner - The status box (empty and hidden while connected).
 * @csspart retry - The retry button shown after a non-fatal close.
 *
 * @cssprop [--qw-color-warning=#8a4b00 / #ffc46b] - Colour of the reconnecting state.
 * @cssprop [--qw-color-danger=#b3261e / #ff9a90] - Colour of the closed state.
 * @cssprop [--qw-color-success=#12703a / #6ddc9b] - Colour of the recovered notice.
 */
export class QwConnection extends QwElement {
  static override styles = [baseStyles, styles];

  private connection = this.bind((c) => c.$connection);
  private previous: ConnectionValue['state'] | undefined;
  private showRecovered = false;
  private recoveredTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.recoveredTimer);
  }

  protected override willUpdate(_changed: PropertyValues): void {
    const state = this.connection.value?.state;
    if (state === this.previous) return;
    if (state === 'open' && this.previous === 'reconnecting') {
      this.showRecovered = true;
      clearTimeout(this.recoveredTimer);
      this.recoveredTimer = setTimeout(() => {
        this.showRecovered = false;
        this.requestUpdate();
      }, RECOVERED_NOTICE_MS);
    } else if (state !== 'open') {
      this.showRecovered = false;
    }
    this.previous = state;
  }

  protected override updated(): void {
    // Lets a layout collapse the gap of an empty banner while its live region stays in place.
    this.toggleAttribute('active', !!this.renderRoot.querySelector('[part=banner]')?.childElementCount);
  }

  override render() {
    return html`<div part="banner" role="status" aria-live="polite" class=${this.stateClass()}>${this.renderContent()}</div>`;
  }

  private stateClass(): string {
    const state = this.connection.value?.state ?? 'idle';
    return state === 'open' ? 'recovered' : state;
  }

  private renderContent() {
    const c = this.connection.value;
    const t = this.t;
    if (!c) return nothing;
    switch (c.state) {
      case 'connecting':
        return c.attempt > 0
          ? html`<span class="icon spin" aria-hidden="true">↻</span><span class="text">${format(t.reconnecting, { attempt: c.attempt })}</span>`
          : html`<span class="icon spin" aria-hidden="true">↻</span><span class="text">${t.connecting}</span>`;
      case 'reconnecting':
        return html`<span class="icon spin" aria-hidden="true">↻</span><span class="text">${format(t.reconnecting, { attempt: Math.max(1, c.attempt) })}</span>`;
      case 'closed':
        return html`<span class="icon" aria-hidden="true">✕</span><span class="text">${this.closedMessage(c)}</span>${
          this.isFatal(c.closeCode)
            ? nothing
            : html`<button part="retry" class="secondary" @click=${() => this.client?.connect()}>${t.retry}</button>`
        }`;
      case 'open':
        if (!this.showRecovered) return nothing;
        return html`<span class="icon recovered" aria-hidden="true">✓</span><span class="text">${
          c.recovered === false ? t.reconnectedSnapshot : t.reconnected
        }</span>`;
      default:
        return nothing;
    }
  }

  private isFatal(code: number | null): boolean {
    return (
      code === CloseCode.KICKED ||
      code === CloseCode.ROOM_CLOSED ||
      code === CloseCode.UNAUTHORIZED ||
      code === CloseCode.REPLACED ||
      code === CloseCode.NORMAL
    );
  }

  private closedMessage(c: ConnectionValue): string {
    const t = this.t;
    switch (c.closeCode) {
      case CloseCode.KICKED:
        return t.closedKicked;
      case CloseCode.ROOM_CLOSED:
        return t.closedRoom;
      case CloseCode.UNAUTHORIZED:
        return t.closedUnauthorized;
      case CloseCode.REPLACED:
        return t.closedReplaced;
      default:
        return c.error ? `${t.disconnected} ${this.describeError(c.error)}` : t.disconnected;
    }
  }
}
