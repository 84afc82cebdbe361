import type { FinishedValue, QuestionValue, ResultValue } from '../../client.js';

/** One closed question of the game, as the host saw it. */
export interface ReportQuestion {
  index: number;
  kind: string;
  prompt: string;
  options: string[];
  correct: number[];
  counts: number[];
  answered: number;
  total: number;
}

/** The host's record of a finished game, offered as JSON and CSV downloads. */
export interface GameReport {
  code: string;
  title: string | null;
  mode: string;
  finishedAt: string;
  players: FinishedValue['top'];
  questions: ReportQuestion[];
}

export function reportQuestion(q: QuestionValue, r: ResultValue): ReportQuestion {
  return {
    index: q.index,
    kind: q.question.kind,
    prompt: q.question.prompt,
    options: [...q.question.options],
    correct: [...r.correct],
    counts: [...r.counts],
    answered: r.answered,
    total: r.total,
  };
}

/**
 * One CSV cell. Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) get
 * a leading apostrophe: nicknames are chosen by players and must stay text.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV: the final ranking, a blank line, then one row per question. */
export function reportCsv(report: GameReport): string {
  const rows: Array<Array<string | number>> = [['rank', 'nickname', 'score']];
  for (const p of report.players) rows.push([p.rank, p.nickname, p.score]);
  rows.push([]);
  rows.push([
    'question',
    'prompt',
    'correct',
    'answered',
    'total',
    ...[1, 2, 3, 4, 5, 6].map((n) => `option_${n}_count`),
  ]);
  for (const q of report.questions) {
    rows.push([
      q.index + 1,
      q.prompt,
      q.correct.map((i) => q.options[i] ?? '').join(' | '),
      q.answered,
      q.total,
      ...q.counts,
    ]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Offers `text` as a file download. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
