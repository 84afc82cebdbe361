import { Limits, type Mode, type Quiz } from '@quizwire/protocol';
import { html, nothing, type PropertyValues } from 'lit';
import type { CreateOptions } from '../../client.js';
import { format } from '../../i18n.js';
import { baseStyles } from '../../internal/base-styles.js';
import { QwComposite } from '../../internal/composite.js';
import { compositeStyles } from '../../internal/composite-styles.js';
import { styles } from './qw-host.styles.js';
import { download, type GameReport, type ReportQuestion, reportCsv, reportQuestion } from './report.js';

type Source = 'bank' | 'file' | 'generate';

/**
 * The host console: create a game in any mode from the question bank, a quiz JSON file or AI
 * generation; show the lobby with its QR code and remove players; start, close each question,
 * move on and end; watch the live histogram; download the final results as CSV or JSON.
 * In duel and solo the host plays too, and the console shows the player's view.
 *
 * @summary Host console for creating and running a game.
 * @tag qw-host
 *
 * @attr server - The Quizwire server (`wss://host/ws`, `https://host` or a path such as `/ws`).
 * @attr join-url - Link players open; `{code}` is replaced. Default: `<origin>/play?code={code}`.
 * @attr screen-url - Projector link; `{code}` is replaced. Default: `<origin>/screen/{code}`.
 * @attr theme - `light`, `dark` or `auto`.
 * @prop {QuizClientLike} client - Use this client instead of making one from `server`.
 * @prop {Partial<Strings>} strings - Overrides for the English strings.
 *
 * @fires {CustomEvent<{ code: string }>} qw-created - After the game was created.
 * @fires {CustomEvent<{ playerId: string }>} qw-kick - Before a player is removed; cancelable.
 * @fires {CustomEvent<GameReport>} qw-finished - When the game finished, with the host's report.
 *
 * @csspart create-form - The form that creates a game.
 * @csspart controls - The row of game controls.
 * @csspart lobby - The lobby (`qw-lobby`).
 * @csspart question - The question (`qw-question`, read-only).
 * @csspart histogram - The live histogram (`qw-histogram`).
 * @csspart leaderboard - The leaderboard.
 * @csspart podium - The podium.
 * @csspart generation - Generation progress with the generated questions.
 */
export class QwHost extends QwComposite {
  static override styles = [baseStyles, compositeStyles, styles];
  static override properties = {
    ...QwComposite.properties,
    joinUrl: { attribute: 'join-url' },
    screenUrl: { attribute: 'screen-url' },
    mode: { state: true },
    source: { state: true },
    busy: { state: true },
    error: { state: true },
    errorDetails: { state: true },
  };

  declare joinUrl: string | undefined;
  declare screenUrl: string | undefined;
  declare private mode: Mode;
  declare private source: Source;
  declare private busy: boolean;
  declare private error: string;
  declare private errorDetails: string[];

  private result = this.bind((c) => c.$result);
  private generation = this.bind((c) => c.$generation);
  /** Closed questions of the running game, for the report; bounded by the quiz size limit. */
  private questions = new Map<string, ReportQuestion>();
  private reported: string | undefined;

  constructor() {
    super();
    this.mode = 'classic';
    this.source = 'bank';
    this.busy = false;
    this.error = '';
    this.errorDetails = [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const q = this.question.value;
    const r = this.result.value;
    if (q && r && r.questionId === q.question.id && !this.questions.has(r.questionId)) {
      if (this.questions.size < Limits.MAX_QUESTIONS) this.questions.set(r.questionId, reportQuestion(q, r));
    }
    const s = this.session.value;
    if (s?.phase === 'finished' && this.finished.value && this.reported !== s.code) {
      this.reported = s.code;
      this.emit('qw-finished', this.report());
    }
  }

  /** The report of the current game (final ranking and per-question counts). */
  report(): GameReport {
    const s = this.session.value;
    return {
      code: s?.code ?? '',
      title: s?.title ?? null,
      mode: s?.mode ?? this.mode,
      finishedAt: new Date().toISOString(),
      players: this.finished.value?.top ?? [],
      questions: [...this.questions.values()].sort((a, b) => a.index - b.index),
    };
  }

  override render() {
    const s = this.session.value;
    let body: unknown;
    if (!s) body = this.renderCreate();
    else if (s.mode === 'duel' && s.me) {
      body = html`<qw-duel .embedded=${true} .client=${this.client} .strings=${this.strings} join-url=${this.joinUrl ?? nothing}></qw-duel>`;
    } else if (s.mode === 'solo' && s.me) {
      body = html`<qw-solo .embedded=${true} .client=${this.client} .strings=${this.strings}></qw-solo>`;
    } else body = this.renderConsole();
    return html`<div class="frame">${this.renderConnection()}${body}</div>`;
  }

  private renderCreate() {
    const t = this.t;
    const plays = this.mode !== 'classic';
    const radio = <T extends string>(
      name: string,
      value: T,
      current: T,
      label: string,
      set: (v: T) => void,
    ) =>
      html`<label class="inline"><input type="radio" name=${name} .value=${value} .checked=${current === value}
        @change=${() => set(value)} />${label}</label>`;
    return html`<form part="create-form" @submit=${this.create} aria-labelledby="host-title" novalidate>
      <h2 id="host-title">${t.hostTitle}</h2>
      <div class="grid">
        <fieldset>
          <legend>${t.modeLabel}</legend>
          ${radio('mode', 'classic', this.mode, t.modeClassic, (v) => (this.mode = v))}
          ${radio('mode', 'duel', this.mode, t.modeDuel, (v) => (this.mode = v))}
          ${radio('mode', 'solo', this.mode, t.modeSolo, (v) => (this.mode = v))}
        </fieldset>
        <fieldset>
          <legend>${t.sourceLabel}</legend>
          ${radio('source', 'bank', this.source, t.sourceBank, (v) => (this.source = v))}
          ${radio('source', 'file', this.source, t.sourceFile, (v) => (this.source = v))}
          ${radio('source', 'generate', this.source, t.sourceGenerate, (v) => (this.source = v))}
        </fieldset>
      </div>
      ${
        this.source === 'file'
          ? html`<label>${t.fileLabel}<input type="file" name="file" accept=".json,application/json" required /></label>`
          : html`<div class="grid">
              ${
                this.source === 'generate'
                  ? html`<label>${t.topicLabel}<input name="topic" required maxlength="200" /></label>`
                  : html`<label>${t.categoryLabel}<input name="category" maxlength="40" /></label>`
              }
              <label>${t.countLabel}<input name="count" type="number" min="1" max=${this.source === 'generate' ? 50 : Limits.MAX_QUESTIONS} .value=${'10'} /></label>
              <label>${t.difficultyLabel}<select name="difficulty">
                <option value="">${t.difficultyAny}</option>
                <option value="easy">${t.difficultyEasy}</option>
                <option value="medium">${t.difficultyMedium}</option>
                <option value="hard">${t.difficultyHard}</option>
              </select></label>
            </div>`
      }
      ${
        plays
          ? html`<label>${t.hostNicknameLabel}<input name="nickname" required maxlength=${Limits.MAX_NICKNAME_LENGTH} dir="auto" /></label>`
          : html`<div class="row">
              <label class="inline"><input type="checkbox" name="autoAdvance" />${t.autoAdvanceLabel}</label>
              <label class="inline"><input type="checkbox" name="speedScoring" checked />${t.speedScoringLabel}</label>
            </div>`
      }
      <div class="controls"><button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.creating : t.createGame}</button></div>
      ${this.renderError()}
    </form>`;
  }

  private renderError() {
    if (!this.error) return nothing;
    return html`<div role="alert"><p class="error">${this.error}</p>
      ${this.errorDetails.length ? html`<ul class="details">${this.errorDetails.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}</div>`;
  }

  private async create(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.client) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const t = this.t;
    const options: CreateOptions = { mode: this.mode };
    if (this.mode === 'classic') {
      options.settings = { autoAdvance: data.has('autoAdvance'), speedScoring: data.has('speedScoring') };
    } else {
      options.nickname = text('nickname');
      if (!options.nickname) return this.fail(t.nicknameRequired);
    }
    const count = Math.max(1, Math.min(Limits.MAX_QUESTIONS, Number(text('count')) || 10));
    const difficulty = (text('difficulty') || undefined) as 'easy' | 'medium' | 'hard' | undefined;
    if (this.source === 'bank') {
      const category = text('category');
      options.bank = { count, ...(category ? { category } : {}), ...(difficulty ? { difficulty } : {}) };
    } else if (this.source === 'file') {
      const file = data.get('file');
      if (!(file instanceof File) || file.size === 0)
        return this.fail(format(t.fileInvalid, { reason: t.fileLabel }));
      try {
        options.quiz = JSON.parse(await file.text()) as Quiz;
      } catch (error) {
        return this.fail(
          format(t.fileInvalid, { reason: error instanceof Error ? error.message : String(error) }),
        );
      }
    }
    const topic = text('topic');
    if (this.source === 'generate' && !topic) return this.fail(t.topicLabel);
    this.busy = true;
    this.error = '';
    this.errorDetails = [];
    this.questions.clear();
    try {
      await this.client.host.create(options);
      if (this.source === 'generate') {
        await this.client.host.generate({
          topic,
          count: Math.min(count, 50),
          ...(difficulty ? { difficulty } : {}),
        });
      }
      this.emit('qw-created', { code: this.session.value?.code ?? '' });
    } catch (error) {
      const details =
        error && typeof error === 'object' && 'details' in error && Array.isArray(error.details)
          ? (error.details as Array<{ path: string; message: string }>).map((d) => `${d.path}: ${d.message}`)
          : [];
      this.fail(this.describeError(error), details);
    } finally {
      this.busy = false;
    }
  }

  private fail(message: string, details: string[] = []): void {
    this.error = message;
    this.errorDetails = details;
  }

  /** Runs a host command; shows its error instead of throwing. */
  private command(run: (host: NonNullable<typeof this.client>['host']) => Promise<unknown>) {
    return async () => {
      if (!this.client) return;
      this.error = '';
      try {
        await run(this.client.host);
      } catch (error) {
        this.fail(this.describeError(error));
      }
    };
  }

  private renderConsole() {
    const s = this.session.value!;
    const t = this.t;
    const origin = globalThis.location?.origin ?? '';
    const screen = format(this.screenUrl ?? `${origin}/screen/{code}`, { code: encodeURIComponent(s.code) });
    const generating = this.generation.value?.status === 'running';
    const end = this.command((h) => (confirm(t.endConfirm) ? h.end() : Promise.resolve()));
    let controls: unknown = nothing;
    switch (s.phase) {
      case 'lobby':
      case 'generating':
        {
          // aria-disabled keeps the button focusable (and explained); a click then does nothing.
          const blocked = s.playerCount === 0 || generating;
          controls = html`<button @click=${blocked ? null : this.command((h) => h.start())}
            aria-disabled=${blocked ? 'true' : 'false'}>${t.startGame}</button>`;
        }
        break;
      case 'countdown':
      case 'question':
        controls = html`<button @click=${this.command((h) => h.close())}>${t.closeQuestion}</button>`;
        break;
      case 'reveal':
      case 'leaderboard':
        controls = html`<button @click=${this.command((h) => h.next())}>${t.nextQuestion}</button>`;
        break;
      case 'finished':
        controls = html`<button @click=${() => this.downloadReport('csv')}>${t.downloadCsv}</button>
          <button class="secondary" @click=${() => this.downloadReport('json')}>${t.downloadJson}</button>`;
        break;
    }
    const live = s.phase === 'question' || s.phase === 'countdown' || s.phase === 'reveal';
    return html`<div class="bar">
        <span>${t.joinCodeLabel}: <span class="code">${s.code}</span></span>
        <a href=${screen} target="_blank" rel="noopener">${t.openScreen}</a>
      </div>
      <div part="controls" class="controls">
        ${controls}
        ${s.phase === 'finished' ? nothing : html`<button class="danger" @click=${end}>${t.endGame}</button>`}
      </div>
      ${this.renderError()}
      ${
        s.phase === 'lobby' && this.generation.value
          ? html`<qw-generation part="generation" .client=${this.client} .strings=${this.strings}></qw-generation>`
          : nothing
      }
      ${
        s.phase === 'lobby'
          ? html`<qw-lobby part="lobby" .client=${this.client} .strings=${this.strings} show-share kickable
              join-url=${this.joinUrl ?? nothing}></qw-lobby>`
          : live
            ? html`<div class="split">${this.renderPhase('host')}</div>`
            : this.renderPhase('host')
      }`;
  }

  private downloadReport(kind: 'csv' | 'json'): void {
    const report = this.report();
    const name = `quizwire-${report.code || 'game'}`;
    if (kind === 'csv') download(`${name}.csv`, 'text/csv;charset=utf-8', reportCsv(report));
    else download(`${name}.json`, 'application/json', JSON.stringify(report, null, 2));
  }
}
