/**
 * Text hygiene shared by validation, dedupe, quote checks and document extraction.
 * Invisible characters are a prompt-injection vector (hidden instructions, reordered text), so
 * they are removed from every document page and from every model string before use.
 */

/** Zero-width characters, soft hyphen, word joiner, BOM and all bidi controls. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Remove zero-width and bidi characters and control characters (keeps `\n` and `\t`). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL_EXCEPT_NEWLINE, '');
}

/** Clean a document page: NFC, invisible characters gone, CRLF → LF, runs of blank lines collapsed. */
export function cleanDocumentText(text: string): string {
  return stripInvisible(text.normalize('NFC').replace(/\r\n?/g, '\n'))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Clean one model string for display: NFC, invisible characters gone, one line, single spaces. */
export function cleanLine(text: string): string {
  return stripInvisible(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/**
 * A comparison key: compatibility-normalised, lower case, typographic quotes and dashes folded,
 * punctuation dropped, single spaces. "Paris." and " paris" share a key.
 */
export function matchKey(text: string): string {
  return stripInvisible(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
