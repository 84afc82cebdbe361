import { describe, expect, it } from 'vitest';
import { Limits } from '../src/limits.js';
import { parseClientMessage, questionSchema, quizSchema } from '../src/schemas.js';

const single = {
  id: 'q1',
  kind: 'single',
  prompt: 'Which planet is closest to the Sun?',
  options: ['Venus', 'Mercury', 'Mars', 'Earth'],
  correct: [1],
};
const trueFalse = {
  kind: 'truefalse',
  prompt: 'The Moon makes its own light.',
  options: ['True', 'False'],
  correct: [1],
};
const multiple = {
  kind: 'multiple',
  prompt: 'Which of these are gas giants?',
  options: ['Jupiter', 'Mars', 'Saturn', 'Venus'],
  correct: [0, 2],
};
const poll = {
  kind: 'poll',
  prompt: 'Which world would you visit first?',
  options: ['Mars', 'Europa'],
  correct: [],
};

/** The issues of a question as `[dotted path, message]` pairs, or `[]` when it is valid. */
function issuesOf(question: unknown): [string, string][] {
  const result = questionSchema.safeParse(question);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]);
}

describe('question', () => {
  it.for([
    ['single choice', single],
    ['true/false', trueFalse],
    ['multiple select', multiple],
    ['multiple select with every option correct', { ...multiple, correct: [0, 1, 2, 3] }],
    ['poll', poll],
    ['six options', { ...single, options: ['a', 'b', 'c', 'd', 'e', 'f'], correct: [5] }],
  ] as const)('accepts a well-formed %s', ([, question]) => {
    expect(issuesOf(question)).toEqual([]);
  });

  describe('correct options per kind', () => {
    it('requires exactly one correct option for single choice', () => {
      expect(issuesOf({ ...single, correct: [] })).toEqual([
        ['correct', 'single choice needs exactly one correct option'],
      ]);
      expect(issuesOf({ ...single, correct: [0, 1] })).toEqual([
        ['correct', 'single choice needs exactly one correct option'],
      ]);
    });

    it('requires exactly two options and one correct option for true/false', () => {
      expect(issuesOf({ ...trueFalse, options: ['True', 'False', 'Maybe'] })).toEqual([
        ['options', 'true/false needs exactly two options'],
      ]);
      expect(issuesOf({ ...trueFalse, correct: [0, 1] })).toEqual([
        ['correct', 'true/false needs exactly one correct option'],
      ]);
    });

    it('requires at least one correct option for multiple select', () => {
      expect(issuesOf({ ...multiple, correct: [] })).toEqual([
        ['correct', 'multiple select needs at least one correct option'],
      ]);
    });

    it('refuses a correct option on a poll', () => {
      expect(issuesOf({ ...poll, correct: [0] })).toEqual([['correct', 'a poll has no correct option']]);
    });

    it('refuses an unknown kind before any cross-field rule', () => {
      expect(issuesOf({ ...single, kind: 'essay' })).toHaveLength(1);
      expect(issuesOf({ ...single, kind: 'essay' })[0]?.[0]).toBe('kind');
    });
  });

  describe('option indices', () => {
    it('names the out-of-range index by its position in correct', () => {
      expect(issuesOf({ ...multiple, correct: [0, 4] })).toEqual([['correct.1', 'option 4 does not exist']]);
    });

    it('refuses an index past the largest possible option at its position', () => {
      // Bound checks do not abort parsing, so the cross-field rule reports the same index too.
      const issues = issuesOf({ ...single, correct: [Limits.MAX_OPTIONS] });
      expect(new Set(issues.map(([path]) => path))).toEqual(new Set(['correct.0']));
    });

    it('refuses negative and fractional indices', () => {
      expect(issuesOf({ ...single, correct: [-1] }).map(([path]) => path)).toEqual(['correct.0']);
      expect(issuesOf({ ...single, correct: [0.5] }).map(([path]) => path)).toEqual(['correct.0']);
    });

    it('refuses the same index twice', () => {
      expect(issuesOf({ ...multiple, correct: [2, 2] })).toEqual([['correct', 'duplicate index']]);
    });
  });

  describe('options', () => {
    it('refuses options that differ only in case', () => {
      expect(issuesOf({ ...single, options: ['Mars', 'MARS'], correct: [0] })).toEqual([
        ['options.1', 'duplicate option'],
      ]);
    });

    it('refuses options that differ only in surrounding or repeated spaces', () => {
      expect(issuesOf({ ...single, options: ['New York', ' new   york ', 'Oslo'], correct: [0] })).toEqual([
        ['options.1', 'duplicate option'],
      ]);
    });

    it('names every duplicate, not only the first', () => {
      expect(issuesOf({ ...single, options: ['a', 'b', 'A', 'B'], correct: [0] })).toEqual([
        ['options.2', 'duplicate option'],
        ['options.3', 'duplicate option'],
      ]);
    });

    it('refuses a blank option', () => {
      expect(issuesOf({ ...single, options: ['Mars', '   ', 'Venus'], correct: [0] })).toEqual([
        ['options.1', 'option is blank'],
      ]);
    });

    it('keeps options that differ in more than case and spacing', () => {
      expect(issuesOf({ ...single, options: ['Mars', 'Mars!', 'M ars'], correct: [0] })).toEqual([]);
    });

    it('refuses fewer than two and more than six options', () => {
      expect(issuesOf({ ...single, options: ['Mercury'], correct: [0] }).map(([p]) => p)).toEqual([
        'options',
      ]);
      const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      expect(issuesOf({ ...single, options: seven, correct: [0] }).map(([p]) => p)).toEqual(['options']);
    });

    it('refuses an option longer than the limit', () => {
      const long = 'x'.repeat(Limits.MAX_OPTION_LENGTH + 1);
      expect(issuesOf({ ...single, options: ['Mars', long], correct: [0] }).map(([p]) => p)).toEqual([
        'options.1',
      ]);
    });
  });

  describe('prompt', () => {
    it('refuses a blank prompt', () => {
      expect(issuesOf({ ...single, prompt: ' \t\n ' })).toEqual([['prompt', 'prompt is blank']]);
    });

    it('refuses an empty prompt', () => {
      expect(new Set(issuesOf({ ...single, prompt: '' }).map(([p]) => p))).toEqual(new Set(['prompt']));
    });

    it('refuses a prompt longer than the limit', () => {
      const prompt = 'x'.repeat(Limits.MAX_PROMPT_LENGTH + 1);
      expect(issuesOf({ ...single, prompt }).map(([p]) => p)).toEqual(['prompt']);
    });
  });

  it('reports every broken cross-field rule of a question at once', () => {
    expect(
      issuesOf({ ...single, prompt: '  ', options: ['Mars', 'mars', 'Venus'], correct: [3, 4] }),
    ).toEqual([
      ['correct.0', 'option 3 does not exist'],
      ['correct.1', 'option 4 does not exist'],
      ['options.1', 'duplicate option'],
      ['prompt', 'prompt is blank'],
      ['correct', 'single choice needs exactly one correct option'],
    ]);
  });

  it('skips the cross-field rules while a field has the wrong type', () => {
    expect(issuesOf({ ...single, prompt: 42, options: ['Mars', 'mars'] })).toEqual([
      ['prompt', expect.any(String)],
    ]);
  });

  it('bounds the time limit to 5–120 s', () => {
    expect(issuesOf({ ...single, timeLimitMs: Limits.MIN_TIME_LIMIT_MS })).toEqual([]);
    expect(issuesOf({ ...single, timeLimitMs: Limits.MAX_TIME_LIMIT_MS })).toEqual([]);
    expect(issuesOf({ ...single, timeLimitMs: Limits.MIN_TIME_LIMIT_MS - 1 }).map(([p]) => p)).toEqual([
      'timeLimitMs',
    ]);
    expect(issuesOf({ ...single, timeLimitMs: Limits.MAX_TIME_LIMIT_MS + 1 }).map(([p]) => p)).toEqual([
      'timeLimitMs',
    ]);
  });

  it('refuses unknown fields, so a typo is not silently ignored', () => {
    expect(issuesOf({ ...single, answer: 1 }).map(([p]) => p)).toEqual(['']);
  });
});

describe('quiz', () => {
  const quiz = { title: 'Space basics', questions: [single, trueFalse, multiple, poll] };

  it('accepts a quiz of every kind', () => {
    expect(quizSchema.safeParse(quiz).success).toBe(true);
  });

  it('refuses an empty title and an empty or oversized question list', () => {
    expect(quizSchema.safeParse({ ...quiz, title: '' }).success).toBe(false);
    expect(quizSchema.safeParse({ ...quiz, questions: [] }).success).toBe(false);
    const tooMany = Array.from({ length: Limits.MAX_QUESTIONS + 1 }, (_, i) => ({ ...single, id: `q${i}` }));
    expect(quizSchema.safeParse({ ...quiz, questions: tooMany }).success).toBe(false);
    expect(quizSchema.safeParse({ ...quiz, questions: tooMany.slice(1) }).success).toBe(true);
  });

  it('names the broken question by its index in a parsed command', () => {
    const broken = { ...quiz, questions: [single, trueFalse, { ...multiple, correct: [0, 9 - 5] }] };
    const result = parseClientMessage({ type: 'quiz.load', id: 'load-1', quiz: broken });
    expect(result).toMatchObject({
      ok: false,
      code: 'BAD_MESSAGE',
      id: 'load-1',
      message: 'quiz.load: quiz.questions.2.correct.1: option 4 does not exist',
      issues: [{ path: 'quiz.questions.2.correct.1', message: 'option 4 does not exist' }],
    });
  });

  it('reports issues of several questions with a path for each', () => {
    const broken = {
      ...quiz,
      questions: [{ ...single, prompt: ' ' }, trueFalse, { ...poll, options: ['Mars', 'MARS'] }],
    };
    const result = parseClientMessage({
      type: 'session.create',
      id: 'create-1',
      mode: 'classic',
      quiz: broken,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'quiz.questions.0.prompt', message: 'prompt is blank' },
      { path: 'quiz.questions.2.options.1', message: 'duplicate option' },
    ]);
    expect(result.message).toBe('session.create: quiz.questions.0.prompt: prompt is blank (and 1 more)');
  });
});
