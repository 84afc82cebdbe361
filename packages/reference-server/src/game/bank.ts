import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Difficulty, Question } from '@quizwire/protocol';
import { questionSchema } from '@quizwire/protocol/schemas';

/** A bank question always has an id and a category. */
export type BankQuestion = Question & { id: string; category: string };

export interface PickOptions {
  count: number;
  difficulty?: Difficulty;
  category?: string;
  /** Question ids (or prompts) to leave out, e.g. ones the room has already played. */
  exclude?: ReadonlySet<string>;
}

/** Thrown when a bank file is unreadable or holds an invalid question. */
export class BankError extends Error {
  override name = 'BankError';
}

/**
 * The built-in question bank: validated data files, picked from at random so a game can be
 * played with no API key.
 */
export class QuestionBank {
  readonly questions: readonly BankQuestion[];

  constructor(questions: readonly BankQuestion[]) {
    this.questions = questions;
  }

  /** Load and validate every `*.json` in the folders; fails naming the file and question. */
  static load(dirs: readonly string[]): QuestionBank {
    const all: BankQuestion[] = [];
    const ids = new Set<string>();
    for (const dir of dirs) {
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const path = join(dir, file);
        let data: { category?: unknown; questions?: unknown };
        try {
          data = JSON.parse(readFileSync(path, 'utf8'));
        } catch (cause) {
          throw new BankError(`${path}: not valid JSON (${(cause as Error).message})`);
        }
        if (typeof data.category !== 'string' || !Array.isArray(data.questions)) {
          throw new BankError(`${path}: expected { "category": string, "questions": [...] }`);
        }
        data.questions.forEach((raw: unknown, n: number) => {
          const parsed = questionSchema.safeParse({ ...(raw as object), category: data.category });
          const label = `${path} question ${n} (${(raw as { id?: string })?.id ?? 'no id'})`;
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new BankError(`${label}: ${issue?.path.join('.')} ${issue?.message}`);
          }
          const q = parsed.data;
          if (!q.id) throw new BankError(`${label}: every bank question needs an id`);
          if (ids.has(q.id)) throw new BankError(`${label}: duplicate id ${q.id}`);
          ids.add(q.id);
          all.push(q as BankQuestion);
        });
      }
    }
    return new QuestionBank(all);
  }

  /** Categories present in the bank. */
  get categories(): string[] {
    return [...new Set(this.questions.map((q) => q.category))].sort();
  }

  /**
   * Pick up to `count` distinct questions at random, preferring the asked difficulty and
   * category and topping up from the rest when those run short.
   */
  pick(options: PickOptions): BankQuestion[] {
    const exclude = options.exclude ?? new Set<string>();
    const usable = this.questions.filter((q) => !exclude.has(q.id) && !exclude.has(q.prompt));
    const matches = (q: BankQuestion) =>
      (!options.difficulty || q.difficulty === options.difficulty) &&
      (!options.category || q.category === options.category);
    const preferred = shuffle(usable.filter(matches));
    const rest = shuffle(usable.filter((q) => !matches(q)));
    return [...preferred, ...rest].slice(0, options.count);
  }
}

/** Fisher–Yates with a cryptographic source, so picks and option orders are unbiased. */
export function shuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
