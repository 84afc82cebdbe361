import { extractText, getDocumentProxy } from 'unpdf';
import { cleanDocumentText } from './text.js';
import type { DocumentPage, ExtractedDocument } from './types.js';

/** Why a document was refused; `status` is the HTTP status the upload answers with. */
export const DocumentErrorCode = {
  TOO_LARGE: 'TOO_LARGE',
  TOO_MANY_PAGES: 'TOO_MANY_PAGES',
  NO_TEXT: 'NO_TEXT',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  UNREADABLE: 'UNREADABLE',
  TIMEOUT: 'TIMEOUT',
} as const;
export type DocumentErrorCode = (typeof DocumentErrorCode)[keyof typeof DocumentErrorCode];

const STATUS: Record<DocumentErrorCode, number> = {
  TOO_LARGE: 413,
  TOO_MANY_PAGES: 422,
  NO_TEXT: 422,
  UNSUPPORTED_TYPE: 415,
  UNREADABLE: 422,
  TIMEOUT: 422,
};

/** A document that cannot be used, with a message meant for the person who uploaded it. */
export class DocumentError extends Error {
  override name = 'DocumentError';
  readonly status: number;
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = STATUS[code];
  }
}

export interface DocumentLimits {
  maxBytes: number;
  maxPages: number;
  /** Longest time text extraction may take. @default 15000 */
  maxMs?: number;
}

/** Characters per pseudo-page when a text or Markdown file is split for page references. */
export const TEXT_PAGE_CHARS = 3_000;
/** Fewer non-space characters than this over the whole document counts as "no text". */
const MIN_TEXT_CHARS = 20;

/** Normalise a Content-Type header to one of the accepted media types, or undefined. */
export function documentMediaType(
  contentType: string | undefined,
): ExtractedDocument['mediaType'] | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf') return 'application/pdf';
  if (type === 'text/plain') return 'text/plain';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'text/markdown';
  return undefined;
}

/**
 * Reduce an uploaded file to cleaned text per page: PDF through unpdf (one entry per PDF page),
 * text and Markdown decoded as UTF-8 and cut into ~3000-character pages at paragraph breaks.
 * @throws DocumentError for a file too big, with too many pages, without text (a scanned PDF),
 * of another type, unreadable, or too slow to extract.
 */
export async function extractDocument(
  bytes: Uint8Array,
  mediaType: string,
  limits: DocumentLimits,
): Promise<ExtractedDocument> {
  const type = documentMediaType(mediaType);
  if (!type) {
    throw new DocumentError('UNSUPPORTED_TYPE', 'Upload a PDF, plain text or Markdown file.');
  }
  if (bytes.byteLength > limits.maxBytes) {
    throw new DocumentError('TOO_LARGE', `The file is larger than ${formatBytes(limits.maxBytes)}.`);
  }
  const raw = type === 'application/pdf' ? await pdfPages(bytes, limits) : textPages(bytes, limits);
  const pages = raw.map((p) => ({ page: p.page, text: cleanDocumentText(p.text) }));
  const chars = pages.reduce((n, p) => n + p.text.length, 0);
  if (pages.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0) < MIN_TEXT_CHARS) {
    throw new DocumentError(
      'NO_TEXT',
      type === 'application/pdf'
        ? 'The PDF has no text layer (is it a scan?). Export it with text, or upload the text itself.'
        : 'The file has no text.',
    );
  }
  return { mediaType: type, pages, chars };
}

async function pdfPages(bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentPage[]> {
  if (!startsWith(bytes, '%PDF-')) throw new DocumentError('UNREADABLE', 'The file is not a PDF.');
  const maxMs = limits.maxMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DocumentError('TIMEOUT', `Reading the PDF took longer than ${maxMs / 1000} s.`)),
      maxMs,
    );
  });
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    // pdf.js may transfer (detach) the buffer it is given, so hand it a copy.
    pdf = await Promise.race([getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }), timeout]);
    if (pdf.numPages > limits.maxPages) {
      throw new DocumentError(
        'TOO_MANY_PAGES',
        `The PDF has ${pdf.numPages} pages; the limit is ${limits.maxPages}.`,
      );
    }
    const { text } = await Promise.race([extractText(pdf, { mergePages: false }), timeout]);
    return text.map((t, i) => ({ page: i + 1, text: t }));
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('UNREADABLE', 'The PDF could not be read.', { cause: error });
  } finally {
    clearTimeout(timer);
    void pdf?.destroy().catch(() => {});
  }
}

function textPages(bytes: Uint8Array, limits: DocumentLimits): DocumentPage[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new DocumentError('UNREADABLE', 'The file is not valid UTF-8 text.', { cause });
  }
  const pages: DocumentPage[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pages.push({ page: pages.length + 1, text: current });
    current = '';
  };
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    // A paragraph longer than a page is cut at spaces so no page grows without bound.
    let rest = paragraph;
    while (rest.length > TEXT_PAGE_CHARS) {
      const cut = rest.lastIndexOf(' ', TEXT_PAGE_CHARS);
      const at = cut > TEXT_PAGE_CHARS / 2 ? cut : TEXT_PAGE_CHARS;
      flush();
      current = rest.slice(0, at);
      flush();
      rest = rest.slice(at).trimStart();
    }
    if (current.length + rest.length + 2 > TEXT_PAGE_CHARS) flush();
    current += (current ? '\n\n' : '') + rest;
  }
  flush();
  if (pages.length > limits.maxPages) {
    throw new DocumentError(
      'TOO_MANY_PAGES',
      `The text makes ${pages.length} pages of ${TEXT_PAGE_CHARS} characters; the limit is ${limits.maxPages}.`,
    );
  }
  return pages;
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 102.4) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}
