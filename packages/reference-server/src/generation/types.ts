import type { Difficulty, Question } from '@quizwire/protocol';

/**
 * Why a generation ended short of a full model batch. `no_model`: no `LLM_BASE_URL`, the
 * bank served everything. `invalid_output`: the model finished but too few of its elements
 * passed validation (or it wrote no parseable JSON at all).
 */
export const DoneReason = {
  TIMEOUT: 'timeout',
  STALL: 'stall',
  HTTP_ERROR: 'http_error',
  INVALID_OUTPUT: 'invalid_output',
  NO_MODEL: 'no_model',
} as const;
export type DoneReason = (typeof DoneReason)[keyof typeof DoneReason];

/** One page of an uploaded document, text already cleaned of invisible characters. */
export interface DocumentPage {
  /** 1-based page number (text and Markdown files count as pages of ~3000 characters). */
  page: number;
  text: string;
}

/** A document reduced to its text, as `extractDocument` returns it. */
export interface ExtractedDocument {
  mediaType: 'application/pdf' | 'text/plain' | 'text/markdown';
  pages: DocumentPage[];
  /** Characters of text over all pages. */
  chars: number;
}

/** What a host asked for. */
export interface GenerationRequest {
  /** Free-text topic, e.g. "photosynthesis". Optional when a document is given. */
  topic?: string;
  /** Questions are grounded in this document and carry `source {page, quote}`. */
  document?: ExtractedDocument;
  /** How many questions to deliver (1–50). The source always ends with this many or the bank ran dry. */
  count: number;
  difficulty?: Difficulty;
  /** BCP 47 tag or language name, e.g. `de` or `German`. */
  language?: string;
}

/** One event of a generation, in order. Exactly one `done` ends every run. */
export type GenerationEvent =
  | {
      type: 'question';
      /** 0-based position in this generation; contiguous across model and bank questions. */
      index: number;
      source: 'model' | 'bank';
      /** A valid protocol question with an id; options already shuffled with crypto randomness. */
      question: Question;
    }
  /** A model element failed validation. Count and log it; never show it to players. */
  | { type: 'rejected'; reason: string }
  | {
      type: 'done';
      fromModel: number;
      fromBank: number;
      rejected: number;
      /** Set whenever the bank had to fill in (or the caller aborted: then absent). */
      reason?: DoneReason;
    };

export interface GenerateOptions {
  /** Abort to stop the model call (client gone, room closed). The run then ends with `done` at once. */
  signal?: AbortSignal;
  /** Prompts the room already has; equal prompts (after normalisation) are dropped. */
  history?: readonly string[];
}

/** The seam: anything that turns a request into a stream of validated questions. */
export interface QuestionSource {
  generate(request: GenerationRequest, options?: GenerateOptions): AsyncIterable<GenerationEvent>;
}

/** The part of the built-in bank generation needs (the server's `QuestionBank` satisfies it). */
export interface BankLike {
  pick(options: {
    count: number;
    difficulty?: Difficulty;
    category?: string;
    /** Ids or prompts to leave out. */
    exclude?: ReadonlySet<string>;
  }): Question[];
}

/** Settings of the LLM generator; the server maps `LLM_*` variables onto it. */
export interface GenerationConfig {
  /** OpenAI-compatible base URL, e.g. `https://api.openai.com/v1`. Unset: bank only. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer …`; never logged, never in an event or error text. */
  apiKey?: string;
  /** Model name, e.g. `gpt-4o-mini`. */
  model?: string;
  /**
   * Deadline for one whole generation, model and bank top-up included.
   * @default 20000
   */
  timeoutMs: number;
  /**
   * Longest wait for the next valid element (the first one included) before the model call is
   * abandoned.
   * @default 8000
   */
  stallMs: number;
  /** The provider accepts a JSON schema (`response_format: json_schema`); otherwise `json_object`. */
  structuredOutputs: boolean;
  /** @default 10 MiB */
  maxDocumentBytes: number;
  /** @default 200 */
  maxPages: number;
  /**
   * SSE heartbeat interval (comment lines), at most 15 s so proxies keep the stream open.
   * @default 15000
   */
  heartbeatMs: number;
}

/** Defaults for everything but the endpoint. */
export const DEFAULT_GENERATION_CONFIG: GenerationConfig = {
  timeoutMs: 20_000,
  stallMs: 8_000,
  structuredOutputs: true,
  maxDocumentBytes: 10 * 1024 * 1024,
  maxPages: 200,
  heartbeatMs: 15_000,
};

/** Injectable randomness: an integer in `[0, maxExclusive)`. Defaults to `crypto.randomInt`. */
export type RandomInt = (maxExclusive: number) => number;
