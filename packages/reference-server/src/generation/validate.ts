import { Limits } from '@quizwire/protocol';
import { cleanLine, matchKey } from './text.js';

/** What the model writes per element (`page` and `quote` only when a document is given). */
export interface ModelElement {
  question: string;
  correct: string;
  distractors: string[];
  page?: number;
  quote?: string;
}

/** A model element that passed every check, cleaned and ready to shuffle. */
export interface ValidElement {
  prompt: string;
  correct: string;
  distractors: string[];
  /** matchKey of the prompt, for dedupe. */
  key: string;
  source?: { page: number; quote: string };
}

export type ValidationResult = { ok: true; value: ValidElement } | { ok: false; reason: string };

export interface ValidationContext {
  /** matchKeys of prompts already taken (room history and this batch). Not modified here. */
  seen: ReadonlySet<string>;
  /** Pages the model was shown, as matchKey text padded with spaces; set for document runs. */
  pages?: ReadonlyMap<number, string>;
  /** Requested language; checked by script where the script is distinctive. */
  language?: string;
}

export const DISTRACTORS = 3;
const MIN_PROMPT = 8;
const MIN_QUOTE_KEY = 12;
const MAX_QUOTE = 300;

/** A phrase matched on whole words of a matchKey (`\b` is ASCII-only and fails on "réponses"). */
const phrase = (body: string) => new RegExp(`(?:^| )(?:${body})(?: |$)`, 'u');

/** "All/none of the above" and friends, in the languages hosts ask for most; matched on matchKey. */
const CATCH_ALL = [
  phrase('(all|none|both|neither) (of )?(the )?(above|these|those|them|previous|options|answers|choices)'),
  /^(both |only )?[a-d] (and|or) [a-d]( only)?$/u, // the whole option, so "Vitamins A and B" stays
  phrase('all (are|is) (correct|true|right)'),
  phrase('(alle|keine) (der |die )?(oben )?(genannten|antworten|optionen)'),
  phrase('(toutes|aucune) (les |de |des )?(ces )?(réponses|reponses|propositions|ci dessus)'),
  phrase('(todas|ninguna) (de )?(las )?(anteriores|opciones|respuestas)'),
  phrase('(tutte|nessuna) (le |delle )?(precedenti|risposte)'),
];

/**
 * Check one element against the wire shape and the quality rules. Never throws: everything
 * the model writes is untrusted input.
 */
export function validateElement(raw: unknown, ctx: ValidationContext): ValidationResult {
  const fail = (reason: string): ValidationResult => ({ ok: false, reason });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('element is not an object');
  const el = raw as Record<string, unknown>;
  if (typeof el.question !== 'string') return fail('question is not a string');
  if (typeof el.correct !== 'string') return fail('correct is not a string');
  if (!Array.isArray(el.distractors) || !el.distractors.every((d) => typeof d === 'string')) {
    return fail('distractors is not a list of strings');
  }
  if (el.distractors.length !== DISTRACTORS) {
    return fail(`expected ${DISTRACTORS} distractors, got ${el.distractors.length}`);
  }
  const prompt = cleanLine(el.question);
  const correct = cleanLine(el.correct);
  const distractors = (el.distractors as string[]).map(cleanLine);
  if (prompt.length < MIN_PROMPT) return fail('question too short');
  if (prompt.length > Limits.MAX_PROMPT_LENGTH) return fail('question too long');
  for (const option of [correct, ...distractors]) {
    if (option.length === 0 || matchKey(option).length === 0) return fail('blank option');
    if (option.length > Limits.MAX_OPTION_LENGTH) return fail('option too long');
  }
  const optionKeys = [correct, ...distractors].map(matchKey);
  if (new Set(optionKeys).size !== optionKeys.length) return fail('options not distinct');
  if (optionKeys.some((k) => CATCH_ALL.some((re) => re.test(k)))) return fail('catch-all option');

  const key = matchKey(prompt);
  const correctKey = optionKeys[0]!;
  if (correctKey.length >= 3 && ` ${key} `.includes(` ${correctKey} `))
    return fail('answer appears in question');
  if (ctx.seen.has(key)) return fail('duplicate question');
  if (ctx.language && !matchesLanguage(`${prompt} ${correct}`, ctx.language)) return fail('wrong language');

  let source: ValidElement['source'];
  if (ctx.pages) {
    const page = el.page;
    if (typeof page !== 'number' || !Number.isInteger(page)) return fail('page missing');
    const pageKey = ctx.pages.get(page);
    if (pageKey === undefined) return fail('page not among the pages given');
    if (typeof el.quote !== 'string') return fail('quote missing');
    const quote = cleanLine(el.quote);
    const quoteKey = matchKey(quote);
    if (quoteKey.length < MIN_QUOTE_KEY) return fail('quote too short');
    if (!pageKey.includes(` ${quoteKey} `)) return fail('quote not found on page');
    source = { page, quote: truncateWords(quote, MAX_QUOTE) };
  }
  return { ok: true, value: { prompt, correct, distractors, key, ...(source ? { source } : {}) } };
}

/** Cut at a word boundary; a prefix of a verified quote is still on the page. */
function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Scripts that identify a language family well enough to catch a model answering in English. */
const SCRIPTS: Record<string, RegExp> = {
  latin: /\p{Script=Latin}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  greek: /\p{Script=Greek}/u,
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  devanagari: /\p{Script=Devanagari}/u,
  thai: /\p{Script=Thai}/u,
  hangul: /\p{Script=Hangul}/u,
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
};
const LANGUAGE_SCRIPT: Record<string, keyof typeof SCRIPTS> = {
  en: 'latin',
  english: 'latin',
  de: 'latin',
  german: 'latin',
  deutsch: 'latin',
  fr: 'latin',
  french: 'latin',
  es: 'latin',
  spanish: 'latin',
  it: 'latin',
  italian: 'latin',
  pt: 'latin',
  portuguese: 'latin',
  nl: 'latin',
  dutch: 'latin',
  sv: 'latin',
  swedish: 'latin',
  da: 'latin',
  no: 'latin',
  nb: 'latin',
  fi: 'latin',
  pl: 'latin',
  polish: 'latin',
  cs: 'latin',
  tr: 'latin',
  turkish: 'latin',
  ro: 'latin',
  hu: 'latin',
  vi: 'latin',
  id: 'latin',
  ru: 'cyrillic',
  russian: 'cyrillic',
  uk: 'cyrillic',
  ukrainian: 'cyrillic',
  bg: 'cyrillic',
  el: 'greek',
  greek: 'greek',
  ar: 'arabic',
  arabic: 'arabic',
  fa: 'arabic',
  persian: 'arabic',
  ur: 'arabic',
  he: 'hebrew',
  hebrew: 'hebrew',
  hi: 'devanagari',
  hindi: 'devanagari',
  mr: 'devanagari',
  ne: 'devanagari',
  th: 'thai',
  thai: 'thai',
  ko: 'hangul',
  korean: 'hangul',
  ja: 'cjk',
  japanese: 'cjk',
  zh: 'cjk',
  chinese: 'cjk',
};

/**
 * Whether most letters are in the script of the requested language. Languages sharing a script
 * (German vs English) cannot be told apart this way; the check only catches a model that
 * ignored the language entirely.
 */
export function matchesLanguage(text: string, language: string): boolean {
  const tag = language.toLowerCase().split(/[-_]/)[0]!.trim();
  const script = LANGUAGE_SCRIPT[tag];
  if (!script) return true;
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return false;
  const re = SCRIPTS[script]!;
  const inScript = letters.filter((c) => re.test(c)).length;
  return inScript / letters.length >= (script === 'latin' ? 0.8 : 0.5);
}
