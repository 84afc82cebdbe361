import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { QwQuestion } from '../components/qw-question/qw-question.js';
import { createClientFor } from '../connect.js';
import { format } from '../i18n.js';
import { QwElement } from './qw-element.js';

/** The join code in the page's URL: `?code=…`, else the last segment of a `/screen/<code>` path. */
export function codeFromUrl(
  location: { search: string; pathname: string } | undefined = globalThis.location,
): string {
  if (!location) return '';
  const query = new URLSearchParams(location.search).get('code');
  if (query) return query;
  const match = /\/screen\/([^/]+)\/?$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]!) : '';
}

/**
 * Parts of the pieces that a composite forwards under the same names, so a page can style
 * `qw-player::part(option)` without reaching into nested shadow roots.
 */
export const EXPORTED = {
  join: 'form, code-input, nickname-input, join-button, friendly-button, error',
  lobby: 'code, qr, link, players, player, kick-button',
  question: 'prompt, timer, options, option, submit-button, status',
  histogram: 'bar, bar-correct, summary',
  result: 'verdict, points, answer',
  leaderboard: 'row, me',
  podium: 'place, place-1, place-2, place-3, step',
  generation: 'progress, questions',
} as const;

/** Which kind of screen a composite draws the game for. */
export type View = 'player' | 'host' | 'screen';

/**
 * Base of the composites (`qw-player`, `qw-host`, `qw-screen`, `qw-duel`, `qw-solo`): owns a
 * client made from the `server` attribute when none is given, forwards keys 1–6 to the open
 * question wherever focus is inside the composite, and draws the pieces of each game phase.
 */
export class QwComposite extends QwElement {
  static override properties = {
    ...QwElement.properties,
    server: {},
    embedded: { attribute: false },
    clientError: { state: true },
  };

  /** WebSocket URL of the Quizwire server (`wss://…/ws`, `https://…` or a path such as `/ws`). */
  declare server: string | undefined;
  /** Set by a composite that renders this one inside itself: the outer one shows the banner. */
  declare embedded: boolean | undefined;
  declare protected clientError: string | undefined;

  protected connection = this.bind((c) => c.$connection);
  protected session = this.bind((c) => c.$session);
  protected question = this.bind((c) => c.$question);
  protected standing = this.bind((c) => c.$standing);
  protected finished = this.bind((c) => c.$finished);

  private ownsClient = false;
  private creating = false;

  constructor() {
    super();
    this.addEventListener('keydown', (event) => {
      this.renderRoot.querySelector<QwQuestion>('qw-question')?.handleKey(event);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ensureClient();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move within the page disconnects and reconnects at once: keep the client for that.
    queueMicrotask(() => {
      if (this.isConnected || !this.ownsClient) return;
      this.client?.close();
      this.client = undefined;
      this.ownsClient = false;
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('server')) this.ensureClient();
  }

  private ensureClient(): void {
    if (this.client || !this.server || this.creating) return;
    this.creating = true;
    createClientFor(this.server, `quizwire:${this.localName}${this.id ? `:${this.id}` : ''}`)
      .then((client) => {
        if (this.client) {
          client.close();
          return;
        }
        this.ownsClient = true;
        this.client = client;
        client.connect();
        this.clientReady();
      })
      .catch((error: unknown) => {
        this.clientError = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        this.creating = false;
      });
  }

  /** Called once a client this element made itself is ready (screens start watching here). */
  protected clientReady(): void {}

  /** Connection banner, always present so a lost connection is never silent. */
  protected renderConnection(): TemplateResult | typeof nothing {
    if (this.embedded) return nothing;
    return html`<qw-connection .client=${this.client} .strings=${this.strings}></qw-connection>
      ${this.clientError ? html`<p class="error" role="alert">${this.clientError}</p>` : nothing}`;
  }

  /** The pieces of the current phase, for a player, the host or a projector screen. */
  protected renderPhase(view: View): TemplateResult | typeof nothing {
    const s = this.session.value;
    if (!s) return nothing;
    const c = this.client;
    const strings = this.strings;
    const histogram = view !== 'player' || s.settings?.playerHistogram;
    switch (s.phase) {
      case 'lobby':
        return html`<qw-lobby part="lobby" exportparts=${EXPORTED.lobby} .client=${c} .strings=${strings} ?show-share=${view !== 'player'}
          ?kickable=${view === 'host'}></qw-lobby>`;
      case 'generating':
        return html`<qw-generation part="generation" exportparts=${EXPORTED.generation} .client=${c} .strings=${strings} ?hide-questions=${view !== 'host'}></qw-generation>`;
      case 'countdown':
      case 'question':
        return html`<qw-question part="question" exportparts=${EXPORTED.question} .client=${c} .strings=${strings} ?readonly=${view !== 'player'}></qw-question>
          ${histogram && this.question.value ? html`<qw-histogram part="histogram" exportparts=${EXPORTED.histogram} .client=${c} .strings=${strings}></qw-histogram>` : nothing}`;
      case 'reveal':
        return html`<qw-question part="question" exportparts=${EXPORTED.question} .client=${c} .strings=${strings} readonly></qw-question>
          ${view === 'player' ? html`<qw-result part="result" exportparts=${EXPORTED.result} .client=${c} .strings=${strings}></qw-result>` : nothing}
          ${histogram ? html`<qw-histogram part="histogram" exportparts=${EXPORTED.histogram} .client=${c} .strings=${strings}></qw-histogram>` : nothing}`;
      case 'leaderboard':
        return html`${view === 'player' ? html`<qw-result part="result" exportparts=${EXPORTED.result} .client=${c} .strings=${strings}></qw-result>` : nothing}
          <qw-leaderboard part="leaderboard" exportparts=${EXPORTED.leaderboard} .client=${c} .strings=${strings}></qw-leaderboard>`;
      case 'finished':
        return html`<qw-podium part="podium" exportparts=${EXPORTED.podium} .client=${c} .strings=${strings}></qw-podium>
          <qw-leaderboard part="leaderboard" exportparts=${EXPORTED.leaderboard} source="final" .client=${c} .strings=${strings}></qw-leaderboard>`;
      default:
        return nothing;
    }
  }

  /** "Nickname · 1200 pts" for the player's header. */
  protected renderMe(): TemplateResult | typeof nothing {
    const me = this.session.value?.me;
    if (!me) return nothing;
    const score = this.standing.value?.score ?? 0;
    return html`<p class="me"><bdi>${me.nickname}</bdi> · ${format(this.t.points, { score })}</p>`;
  }
}
