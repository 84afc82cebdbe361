import { html, nothing, type PropertyValues } from 'lit';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwElement } from '../../internal/qw-element.js';
import { shape } from '../../internal/shapes.js';
import { styles } from './qw-question.styles.js';

/** Detail of the `qw-answer` event. */
export interface AnswerRequest {
  questionId: string;
  choice: number[];
}

/** Seconds left at which a time warning is announced. */
const WARN_AT = [10, 5] as const;

/**
 * The open question: prompt, options, countdown in server time, and the player's answer.
 * Options differ by shape, number and text as well as colour. Keys 1–6 pick an option
 * (toggle it in a multiple-select question, where Enter on "Submit" sends); a screen reader
 * hears the new question, time warnings and whether the answer was locked in.
 * After the reveal the correct options are marked with a check and the word "correct".
 *
 * @summary The current question with answer buttons and countdown.
 * @tag qw-question
 *
 * @attr {boolean} readonly - Show without answer buttons (default: unless the client is a player).
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - The client whose `$question`, `$timeLeft` and `$myAnswer` are shown.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @fires {CustomEvent<AnswerRequest>} qw-answer - Before an answer is sent; cancelable.
 *
 * @csspart question - The whole question.
 * @csspart prompt - The question text.
 * @csspart timer - The countdown.
 * @csspart options - The list of options.
 * @csspart option - One option button.
 * @csspart submit-button - "Submit answer" (multiple select).
 * @csspart status - The answer status line.
 *
 * @cssprop [--qw-option-1=#b3261e] - Colour of option 1 (triangle); also --qw-option-2 … --qw-option-6.
 * @cssprop [--qw-option-text=#ffffff] - Text colour on the options.
 * @cssprop [--qw-radius=12px] - Corner radius of options.
 */
export class QwQuestion extends QwElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    ...QwElement.properties,
    readonly: { type: Boolean },
    selection: { state: true },
  };

  declare readonly: boolean | undefined;
  /** Toggled options of a multiple-select question, not yet submitted. */
  declare private selection: number[];

  private question = this.bind((c) => c.$question);
  private timeLeft = this.bind((c) => c.$timeLeft);
  private myAnswer = this.bind((c) => c.$myAnswer);
  private session = this.bind((c) => c.$session);
  private result = this.bind((c) => c.$result);

  private shownId: string | undefined;
  private lastSeconds: number | undefined;
  private announcement = '';
  private localError = '';

  constructor() {
    super();
    this.selection = [];
    this.addEventListener('keydown', (event) => this.onKeydown(event));
  }

  private get interactive(): boolean {
    return !(this.readonly ?? this.session.value?.role !== 'player');
  }

  /** Milliseconds until the question opens (positive during the countdown). */
  private get opensIn(): number {
    const q = this.question.value;
    if (!q) return 0;
    return (this.timeLeft.value ?? 0) - (q.deadline - q.opensAt);
  }

  private get locked(): boolean {
    const q = this.question.value;
    if (!q || !this.interactive) return true;
    if (this.result.value?.questionId === q.question.id) return true;
    if (this.answered) return true;
    return (this.timeLeft.value ?? 0) <= 0 || this.opensIn > 0;
  }

  private get answered(): boolean {
    const a = this.myAnswer.value;
    return !!a && a.questionId === this.question.value?.question.id && a.status !== 'rejected';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const q = this.question.value;
    const t = this.t;
    if (!q) {
      this.shownId = undefined;
      return;
    }
    const seconds = Math.max(0, Math.ceil((this.timeLeft.value ?? 0) / 1000));
    if (q.question.id !== this.shownId) {
      this.shownId = q.question.id;
      this.selection = [];
      this.localError = '';
      this.lastSeconds = seconds;
      this.announcement = `${format(t.questionOf, { index: q.index + 1, total: q.total })}. ${q.question.prompt}`;
      return;
    }
    if (this.opensIn <= 0 && this.lastSeconds !== undefined && seconds < this.lastSeconds) {
      const crossed = WARN_AT.find((w) => this.lastSeconds! > w && seconds <= w);
      if (seconds === 0) this.announcement = t.timeUp;
      else if (crossed !== undefined && !this.answered) {
        this.announcement = format(t.secondsLeftLong, { seconds });
      }
    }
    this.lastSeconds = seconds;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const id = this.question.value?.question.id;
    if (id && this.focusedFor !== id && this.interactive && this.opensIn <= 0) {
      this.focusedFor = id;
      if (this.mayTakeFocus()) this.renderRoot.querySelector<HTMLElement>('.option')?.focus();
    }
  }
  private focusedFor: string | undefined;

  /** Only take focus when it was lost (its element left the page) or is already inside our widget. */
  private mayTakeFocus(): boolean {
    const active = document.activeElement;
    if (!active || active === document.body) return true;
    let node: Node | null = this;
    while (node) {
      if (node === active) return true;
      const root: Node = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return false;
  }

  override render() {
    const q = this.question.value;
    const t = this.t;
    const live = html`<p class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</p>`;
    if (!q) return live;
    const opensIn = this.opensIn;
    if (opensIn > 0) {
      return html`${live}<div part="question" class="question card">
        <p class="ready">${t.getReady}</p>
        <p class="ready">${format(t.nextQuestionIn, { index: q.index + 1, seconds: Math.ceil(opensIn / 1000) })}</p>
      </div>`;
    }
    const question = q.question;
    const multiple = question.kind === 'multiple';
    const result = this.result.value?.questionId === question.id ? this.result.value : null;
    const mine = this.myAnswer.value?.questionId === question.id ? this.myAnswer.value : null;
    const chosen = new Set(mine && mine.status !== 'rejected' ? mine.choice : this.selection);
    const locked = this.locked;
    const limit = Math.max(1, q.deadline - q.opensAt);
    const left = Math.max(0, Math.min(limit, this.timeLeft.value ?? 0));
    const seconds = Math.ceil(left / 1000);
    return html`${live}<section part="question" class="question" aria-labelledby="prompt">
      <header>
        <span class="index">${format(t.questionOf, { index: q.index + 1, total: q.total })}</span>
        ${question.kind === 'poll' ? html`<span class="badge">${t.pollBadge}</span>` : nothing}
        ${question.points === 'double' ? html`<span class="badge">${t.doublePoints}</span>` : nothing}
        ${question.points === 'none' && question.kind !== 'poll' ? html`<span class="badge">${t.noPoints}</span>` : nothing}
        ${
          result
            ? nothing
            : html`<div part="timer" class=${seconds <= 5 ? 'warning' : ''} role="timer" aria-label=${format(t.secondsLeftLong, { seconds })}>
                <span aria-hidden="true">${format(t.secondsLeft, { seconds })}</span>
                <span class="bar" aria-hidden="true"><span style="width:${(left / limit) * 100}%"></span></span>
              </div>`
        }
      </header>
      <h2 part="prompt" id="prompt" dir="auto">${question.prompt}</h2>
      ${multiple && this.interactive && !locked ? html`<p class="muted" id="hint">${t.chooseMany}</p>` : nothing}
      <div part="options" role="group" aria-labelledby="prompt">
        ${question.options.map((text, i) => {
          const isCorrect = result?.correct.includes(i) ?? false;
          const isChosen = chosen.has(i);
          const marks = [
            isCorrect ? `✓ ${t.correctMark}` : '',
            isChosen && (locked || !multiple) ? t.selected : '',
          ].filter(Boolean);
          return html`<button part="option" class="option o${i} ${result && !isCorrect ? 'dim' : ''} ${isChosen ? 'chosen' : ''}"
            data-index=${i}
            aria-disabled=${locked ? 'true' : 'false'}
            aria-pressed=${this.interactive ? (isChosen ? 'true' : 'false') : nothing}
            aria-keyshortcuts=${this.interactive ? String(i + 1) : nothing}
            @click=${() => this.pick(i)}>
            ${shape(i)}
            <span class="key" aria-hidden="true">${i + 1}</span>
            <span class="text" dir="auto">${text}</span>
            ${marks.length ? html`<span class="mark">${marks.join(' · ')}</span>` : nothing}
          </button>`;
        })}
      </div>
      ${
        multiple && this.interactive && !locked
          ? html`<button part="submit-button" aria-disabled=${this.selection.length === 0 ? 'true' : 'false'}
              @click=${this.submitSelection}>${t.submitAnswer}</button>`
          : nothing
      }
      <p part="status" role="status">${this.statusText(mine?.status, mine?.error)}</p>
    </section>`;
  }

  private statusText(status: string | undefined, error: unknown): string {
    const t = this.t;
    if (this.localError) return this.localError;
    switch (status) {
      case 'sending':
        return t.answerSending;
      case 'accepted':
        return t.answerAccepted;
      case 'rejected':
        return format(t.answerRejected, { reason: this.describeError(error) });
      default:
        return '';
    }
  }

  /** Picks option `index`: answers at once, or toggles it in a multiple-select question. */
  pick(index: number): void {
    const q = this.question.value;
    if (!q || this.locked || index >= q.question.options.length) return;
    if (q.question.kind === 'multiple') {
      this.selection = this.selection.includes(index)
        ? this.selection.filter((i) => i !== index)
        : [...this.selection, index].sort((a, b) => a - b);
      return;
    }
    void this.send([index]);
  }

  private submitSelection(): void {
    if (this.selection.length > 0 && !this.locked) void this.send(this.selection);
  }

  private async send(choice: number[]): Promise<void> {
    const q = this.question.value;
    if (!q) return;
    if (!this.emit('qw-answer', { questionId: q.question.id, choice }, true) || !this.client) return;
    this.localError = '';
    try {
      await this.client.player.answer(choice);
    } catch (error) {
      // The SDK marks $myAnswer rejected too; this covers errors raised before it could.
      if (this.myAnswer.value?.status !== 'rejected') {
        this.localError = format(this.t.answerRejected, { reason: this.describeError(error) });
        this.requestUpdate();
      }
    }
  }

  /** Keys 1–6 pick an option; exposed so composites can forward keys pressed anywhere in them. */
  handleKey(event: KeyboardEvent): boolean {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
    const target = event.composedPath()[0];
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    ) {
      return false;
    }
    const n = Number.parseInt(event.key, 10);
    if (!(n >= 1 && n <= 6) || !this.interactive || !this.question.value) return false;
    event.preventDefault();
    this.pick(n - 1);
    return true;
  }

  private onKeydown(event: KeyboardEvent): void {
    this.handleKey(event);
  }
}
