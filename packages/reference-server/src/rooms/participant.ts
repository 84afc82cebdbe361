import type { Outcome, Role } from '@quizwire/protocol';

/** What a room needs of a connection: send bytes, close. */
export interface Link {
  /** Queue a frame; returns false if the socket was dropped for falling behind. */
  send(frame: string | Buffer): boolean;
  close(code: number, reason: string): void;
  /** Detach the link from its participant without closing (e.g. after replacement). */
  unbind(): void;
}

/** Most remembered command replies per participant (a game needs far fewer). */
export const MAX_REMEMBERED_REPLIES = 4096;

export interface AnswerRecord {
  choice: number[];
  at: number;
}

/** Anyone attached to a room: host, player or screen. */
export interface Participant {
  readonly id: string;
  readonly role: Role;
  readonly token: string;
  link: Link | null;
  /** Serialised reply per command id, so a resent command gets the original reply. */
  readonly replies: Map<string, string>;
  /** Set when a duel opponent drop was announced, until they return. */
  announcedLeft: boolean;
  /** The `graceUntil` announced with that drop, so snapshots repeat the same deadline. */
  graceUntil?: number;
}

export interface Player extends Participant {
  readonly role: 'player';
  nickname: string;
  /** Lower-case nickname for uniqueness checks. */
  key: string;
  score: number;
  streak: number;
  joinOrder: number;
  /** Answers of the open question only (older ones are folded into score and `last`). */
  answer: AnswerRecord | null;
  last: Outcome | null;
  rank: number;
  gone: boolean;
}

/** Remember a reply for a command id, forgetting the oldest beyond the cap. */
export function rememberReply(p: Participant, id: string, frame: string): void {
  if (p.replies.size >= MAX_REMEMBERED_REPLIES) {
    const oldest = p.replies.keys().next().value;
    if (oldest !== undefined) p.replies.delete(oldest);
  }
  p.replies.set(id, frame);
}
