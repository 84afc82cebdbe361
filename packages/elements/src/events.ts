import type { GameReport } from './components/qw-host/report.js';
import type { JoinRequest } from './components/qw-join/qw-join.js';
import type { AnswerRequest } from './components/qw-question/qw-question.js';

/**
 * Every custom event the elements fire. All bubble and are composed (they cross shadow roots),
 * so a page can listen on `document` or on the outermost element.
 */
export interface QuizwireEventMap {
  /** Before joining (cancelable). */
  'qw-join': CustomEvent<JoinRequest>;
  /** The server accepted the join. */
  'qw-joined': CustomEvent<{ result: unknown }>;
  /** Before an answer is sent (cancelable). */
  'qw-answer': CustomEvent<AnswerRequest>;
  /** Before the host removes a player (cancelable). */
  'qw-kick': CustomEvent<{ playerId: string }>;
  /** A game (classic, duel or solo) was created; `code` is its join code. */
  'qw-created': CustomEvent<{ code: string }>;
  /** Before asking for a duel rematch (cancelable). */
  'qw-rematch': CustomEvent<Record<string, never>>;
  /** The hosted game finished, with the host's report. */
  'qw-finished': CustomEvent<GameReport>;
}

declare global {
  interface HTMLElementEventMap extends QuizwireEventMap {}
}
