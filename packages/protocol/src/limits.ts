/**
 * Size limits of protocol v1. The schemas enforce the string and array bounds; servers
 * enforce the frame size before parsing.
 */
export const Limits = {
  /** Default largest accepted frame, in bytes (servers may configure it). */
  MAX_FRAME_BYTES: 16_384,
  /** Largest command id, in characters. */
  MAX_ID_LENGTH: 64,
  /**
   * Shortest entry-command id (`session.create`, `join`, `watch`) that a server honours when the
   * identical command is resent on a new connection: such an id claims the seat the first copy
   * made, so it must be long and random enough that no one else can guess it.
   */
  MIN_RESENDABLE_ENTRY_ID_LENGTH: 16,
  /** Longest nickname after normalisation, in characters. */
  MAX_NICKNAME_LENGTH: 24,
  /** Longest raw nickname accepted on the wire (normalisation may shorten it). */
  MAX_RAW_NICKNAME_LENGTH: 64,
  /** Longest join code. */
  MAX_CODE_LENGTH: 12,
  /** Longest session token. */
  MAX_TOKEN_LENGTH: 512,
  MAX_PROMPT_LENGTH: 300,
  MAX_OPTION_LENGTH: 120,
  MIN_OPTIONS: 2,
  MAX_OPTIONS: 6,
  MAX_QUESTIONS: 100,
  MAX_TITLE_LENGTH: 120,
  MIN_TIME_LIMIT_MS: 5_000,
  MAX_TIME_LIMIT_MS: 120_000,
  DEFAULT_TIME_LIMIT_MS: 20_000,
  /** Most players listed in a `lobby.update` or snapshot; `count` always has the total. */
  MAX_LISTED_PLAYERS: 200,
  MAX_LEADERBOARD_SIZE: 50,
} as const;
