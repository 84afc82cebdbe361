import { describe, expect, it } from 'vitest';
import {
  DocumentError,
  DocumentStore,
  type ExtractedDocument,
  extractDocument,
} from '../../src/generation/index.js';
import { selectPages } from '../../src/generation/prompt.js';
import { buildPdf } from './pdf.js';

const limits = { maxBytes: 1024 * 1024, maxPages: 10 };

async function refusal(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

describe('extractDocument', () => {
  it('reads the text of each PDF page', async () => {
    const pdf = buildPdf([
      ['Photosynthesis turns light into chemical energy.', 'It happens in the chloroplasts.'],
      ['Chlorophyll absorbs red and blue light.'],
    ]);
    const doc = await extractDocument(pdf, 'application/pdf', limits);
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(doc.pages[0]!.text).toContain('Photosynthesis turns light into chemical energy.');
    expect(doc.pages[1]!.text).toContain('Chlorophyll absorbs red and blue light.');
  });

  it('refuses a PDF without a text layer as a likely scan', async () => {
    const error = await refusal(extractDocument(buildPdf([null, null]), 'application/pdf', limits));
    expect(error.code).toBe('NO_TEXT');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/scan/);
  });

  it('refuses a PDF with too many pages before reading its text', async () => {
    const pdf = buildPdf(Array.from({ length: 4 }, (_, i) => [`page ${i} has some words on it`]));
    const error = await refusal(extractDocument(pdf, 'application/pdf', { ...limits, maxPages: 3 }));
    expect(error.code).toBe('TOO_MANY_PAGES');
    expect(error.message).toContain('4 pages');
  });

  it('refuses a file over the size limit, an unknown type and a fake PDF', async () => {
    const big = new Uint8Array(2_000).fill(65);
    expect((await refusal(extractDocument(big, 'text/plain', { ...limits, maxBytes: 1_000 }))).code).toBe(
      'TOO_LARGE',
    );
    expect((await refusal(extractDocument(big, 'image/png', limits))).code).toBe('UNSUPPORTED_TYPE');
    expect((await refusal(extractDocument(big, 'application/pdf', limits))).code).toBe('UNREADABLE');
    const broken = new TextEncoder().encode('%PDF-1.4\nthis is not really a pdf');
    expect((await refusal(extractDocument(broken, 'application/pdf', limits))).code).toBe('UNREADABLE');
  });

  it('decodes text and Markdown as UTF-8 and strips zero-width and bidi characters', async () => {
    const text =
      'Die Photo\u200Bsynthese findet in den Chloro\u202Eplasten statt.\uFEFF\n\n# Licht\n\nRotes Licht.';
    const doc = await extractDocument(new TextEncoder().encode(text), 'text/markdown; charset=utf-8', limits);
    expect(doc.mediaType).toBe('text/markdown');
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]!.text).toBe(
      'Die Photosynthese findet in den Chloroplasten statt.\n\n# Licht\n\nRotes Licht.',
    );
    const invalid = new Uint8Array([0x66, 0xff, 0xfe, 0x66]);
    expect((await refusal(extractDocument(invalid, 'text/plain', limits))).code).toBe('UNREADABLE');
    expect(
      (await refusal(extractDocument(new TextEncoder().encode(' \n '), 'text/plain', limits))).code,
    ).toBe('NO_TEXT');
  });

  it('cuts long text into pages of about 3000 characters at paragraph breaks', async () => {
    const paragraph = 'word '.repeat(200).trim(); // 999 characters
    const text = Array.from({ length: 10 }, () => paragraph).join('\n\n');
    const doc = await extractDocument(new TextEncoder().encode(text), 'text/plain', limits);
    // Three paragraphs would make 3001 characters, so each page holds two whole ones.
    expect(doc.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
    for (const p of doc.pages) expect(p.text).toBe(`${paragraph}\n\n${paragraph}`);
  });
});

describe('selectPages', () => {
  const doc = (texts: string[]): ExtractedDocument => ({
    mediaType: 'text/plain',
    pages: texts.map((text, i) => ({ page: i + 1, text })),
    chars: texts.join('').length,
  });

  it('sends every page when the document fits the budget', () => {
    expect(selectPages(doc(['a b c', 'd e f']), '', 100).map((p) => p.page)).toEqual([1, 2]);
  });

  it('prefers the pages that mention the topic, in page order', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(4);
    const pages = [
      filler,
      `${filler} mitochondria mitochondria`,
      filler,
      `${filler} mitochondrial membranes`,
      filler,
    ];
    const chosen = selectPages(doc(pages), 'Mitochondria', 280);
    expect(chosen.map((p) => p.page)).toEqual([2, 4]);
  });

  it('spreads pages across the document when there is no topic', () => {
    const pages = Array.from({ length: 10 }, (_, i) => `page ${i} `.repeat(10));
    const chosen = selectPages(doc(pages), '', 400).map((p) => p.page);
    expect(chosen.length).toBeGreaterThanOrEqual(3);
    expect(chosen[0]).toBe(1);
    expect(chosen.at(-1)!).toBeGreaterThanOrEqual(8);
  });
});

describe('DocumentStore', () => {
  const d = (chars: number): ExtractedDocument => ({
    mediaType: 'text/plain',
    pages: [{ page: 1, text: 'x' }],
    chars,
  });

  it('forgets documents after their time to live', () => {
    let now = 0;
    const store = new DocumentStore({ ttlMs: 1_000, now: () => now });
    const id = store.put(d(10));
    expect(id).toMatch(/^doc_[\w-]{22}$/);
    expect(store.get(id)).toBeDefined();
    now = 1_000;
    expect(store.get(id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('evicts the oldest documents beyond its count and character caps', () => {
    const store = new DocumentStore({ maxDocuments: 2, maxChars: 100 });
    const a = store.put(d(10));
    const b = store.put(d(10));
    const c = store.put(d(10));
    expect([store.get(a), store.get(b) !== undefined, store.get(c) !== undefined]).toEqual([
      undefined,
      true,
      true,
    ]);
    const big = store.put(d(95));
    expect(store.get(b)).toBeUndefined();
    expect(store.get(c)).toBeUndefined();
    expect(store.get(big)).toBeDefined();
  });
});
