import { Limits } from '@quizwire/protocol';
import { html, nothing } from 'lit';
import { errorCodeOf } from '../../client.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { styles } from './qw-join.styles.js';

/** Detail of the `qw-join` event. */
export interface JoinRequest {
  code: string;
  nickname?: string;
  friendlyName?: boolean;
}

/** Which field a server error belongs to, so it shows next to the field. */
const FIELD_OF_CODE: Record<string, 'code' | 'nickname'> = {
  ROOM_NOT_FOUND: 'code',
  ROOM_FULL: 'code',
  NAME_TAKEN: 'nickname',
  NAME_INVALID: 'nickname',
};

/**
 * The join form: game code and nickname, or a friendly random name picked by the server.
 * Server refusals show inline next to the field they concern (`NAME_TAKEN` under the
 * nickname, `ROOM_NOT_FOUND` under the code) and move focus there.
 *
 * @summary Join a game with a code and a nickname.
 * @tag qw-join
 *
 * @attr code - Prefills the game code (e.g. from `?code=` in the page's URL).
 * @attr nickname - Prefills the nickname.
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client that joins (`client.player.join`).
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @fires {CustomEvent<JoinRequest>} qw-join - Before joining; cancelable (prevent it to join yourself).
 * @fires {CustomEvent<{ result: unknown }>} qw-joined - After the server accepted the join.
 *
 * @csspart form - The form.
 * @csspart code-input - The game code input.
 * @csspart nickname-input - The nickname input.
 * @csspart join-button - The submit button.
 * @csspart friendly-button - The "pick a name for me" button.
 * @csspart error - An error message.
 *
 * @cssprop [--qw-color-accent=#4433d6 / #a79fff] - Button colour.
 * @cssprop [--qw-color-danger=#b3261e / #ff9a90] - Error colour.
 */
export class QwJoin extends QwElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    ...QwElement.properties,
    code: {},
    nickname: {},
    busy: { state: true },
    errors: { state: true },
  };

  declare code: string;
  declare nickname: string;
  declare private busy: boolean;
  declare private errors: { code?: string; nickname?: string; form?: string };

  constructor() {
    super();
    this.code = '';
    this.nickname = '';
    this.busy = false;
    this.errors = {};
  }

  override render() {
    const t = this.t;
    const e = this.errors;
    return html`<form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="title">
      <h2 id="title">${t.joinTitle}</h2>
      <label>
        ${t.codeLabel}
        <input part="code-input" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false"
          maxlength=${Limits.MAX_CODE_LENGTH} .value=${this.code} required
          aria-invalid=${e.code ? 'true' : 'false'} aria-describedby=${e.code ? 'code-error' : nothing}
          @input=${(ev: Event) => {
            this.code = (ev.target as HTMLInputElement).value;
          }} />
      </label>
      ${e.code ? html`<p id="code-error" part="error" class="field-error">${e.code}</p>` : nothing}
      <label>
        ${t.nicknameLabel}
        <input part="nickname-input" name="nickname" autocomplete="nickname" spellcheck="false"
          maxlength=${Limits.MAX_NICKNAME_LENGTH} .value=${this.nickname} dir="auto"
          aria-invalid=${e.nickname ? 'true' : 'false'} aria-describedby=${e.nickname ? 'nickname-error' : nothing}
          @input=${(ev: Event) => {
            this.nickname = (ev.target as HTMLInputElement).value;
          }} />
      </label>
      ${e.nickname ? html`<p id="nickname-error" part="error" class="field-error">${e.nickname}</p>` : nothing}
      <div class="actions">
        <button part="join-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.joining : t.joinButton}
        </button>
        <button part="friendly-button" type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => this.join(true)}>${t.friendlyName}</button>
      </div>
      <p part="error" class="error" role="alert" ?hidden=${!e.form}>${e.form ?? ''}</p>
    </form>`;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.join(false);
  }

  /** Validates, fires `qw-join`, then joins through the client unless prevented. */
  async join(friendlyName: boolean): Promise<void> {
    if (this.busy) return;
    const t = this.t;
    const code = this.code.trim().toUpperCase();
    const nickname = this.nickname.trim();
    const errors: typeof this.errors = {};
    if (!code) errors.code = t.codeRequired;
    if (!friendlyName && !nickname) errors.nickname = t.nicknameRequired;
    this.errors = errors;
    if (errors.code || errors.nickname) {
      await this.updateComplete;
      this.focusField(errors.code ? 'code' : 'nickname');
      return;
    }
    const request: JoinRequest = friendlyName ? { code, friendlyName: true } : { code, nickname };
    if (!this.emit('qw-join', request, true) || !this.client) return;
    this.busy = true;
    try {
      const result = await this.client.player.join(request);
      this.emit('qw-joined', { result });
    } catch (error) {
      const field = FIELD_OF_CODE[errorCodeOf(error)];
      this.errors = { [field ?? 'form']: this.describeError(error) };
      if (field) {
        await this.updateComplete;
        this.focusField(field);
      }
    } finally {
      this.busy = false;
    }
  }

  private focusField(name: 'code' | 'nickname'): void {
    this.renderRoot.querySelector<HTMLInputElement>(`input[name='${name}']`)?.focus();
  }
}
