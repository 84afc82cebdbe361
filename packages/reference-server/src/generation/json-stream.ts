import { type LanguageModelMiddleware, parsePartialJson } from 'ai';

/** Tracks nesting over streamed JSON text, aware of strings and escapes. */
class JsonScanner {
  readonly stack: string[] = [];
  private inString = false;
  private escape = false;
  /** The last significant character outside strings. */
  last = '';

  feed(c: string): void {
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (c === '\\') this.escape = true;
      else if (c === '"') this.inString = false;
      return;
    }
    if (c === '"') this.inString = true;
    else if (c === '{' || c === '[') this.stack.push(c);
    else if (c === '}' || c === ']') this.stack.pop();
    if (!/\s/.test(c)) this.last = c;
  }

  get inStringValue(): boolean {
    return this.inString;
  }
}

/**
 * Reduces a model's streamed text to the one JSON object the AI SDK's array output parses:
 * skips anything before it (a ```json fence, a preamble, a `<think>` block), drops anything
 * after it (the closing fence, a sign-off), and wraps a bare top-level array as
 * `{"elements": […]}`. Without this the SDK's partial parser sees a fence and emits nothing,
 * or sees trailing text and never releases the last element.
 */
export class JsonExtractor {
  /** The text passed on so far (the JSON only). */
  text = '';
  private state: 'before' | 'think' | 'inside' | 'after' = 'before';
  private pending = '';
  private wrap = false;
  private readonly source = new JsonScanner();
  private readonly output = new JsonScanner();

  /** Feed a delta; returns the part to pass on (possibly empty). */
  push(delta: string): string {
    let out = '';
    let input = this.pending + delta;
    this.pending = '';
    while (input.length > 0 && this.state !== 'after') {
      if (this.state === 'think') {
        const end = input.indexOf('</think>');
        if (end < 0) {
          this.pending = input.slice(-8);
          return this.emit(out);
        }
        input = input.slice(end + 8);
        this.state = 'before';
        continue;
      }
      if (this.state === 'before') {
        const think = input.indexOf('<think>');
        const start = input.search(/[{[]/);
        if (think >= 0 && (start < 0 || think < start)) {
          input = input.slice(think + 7);
          this.state = 'think';
          continue;
        }
        if (start < 0) {
          this.pending = input.slice(-7); // a "<think>" split across deltas
          return this.emit(out);
        }
        input = input.slice(start);
        this.state = 'inside';
        if (input[0] === '[') {
          this.wrap = true;
          out += '{"elements":';
        }
      }
      for (let i = 0; i < input.length; i++) {
        const c = input[i]!;
        this.source.feed(c);
        out += c;
        if (this.source.stack.length === 0) {
          if (this.wrap) out += '}';
          this.state = 'after';
          break;
        }
      }
      input = '';
    }
    return this.emit(out);
  }

  private emit(out: string): string {
    for (const c of out) this.output.feed(c);
    this.text += out;
    return out;
  }

  /**
   * Elements of `{"elements": […]}` that are complete in the text so far. Used after an abort
   * or a stall: the SDK holds back the last element until the next one starts, and that one
   * may never come.
   */
  async completeElements(): Promise<unknown[]> {
    if (this.text.length === 0) return [];
    const parsed = await parsePartialJson(this.text);
    const value = parsed.value as { elements?: unknown } | undefined;
    if (!value || typeof value !== 'object' || !Array.isArray(value.elements)) return [];
    if (parsed.state === 'successful-parse') return value.elements;
    const s = this.output;
    const atBoundary =
      !s.inStringValue &&
      s.stack.length === 2 &&
      s.stack[1] === '[' &&
      (s.last === '}' || s.last === ',' || s.last === '[');
    return atBoundary ? value.elements : value.elements.slice(0, -1);
  }
}

/** Middleware that runs every text delta of the call through `extractor`. */
export function jsonExtractMiddleware(extractor: JsonExtractor): LanguageModelMiddleware {
  return {
    specificationVersion: 'v3',
    wrapStream: async ({ doStream }) => {
      const { stream, ...rest } = await doStream();
      return {
        ...rest,
        stream: stream.pipeThrough(
          new TransformStream({
            transform(chunk, controller) {
              if (chunk.type !== 'text-delta') {
                controller.enqueue(chunk);
                return;
              }
              const delta = extractor.push(chunk.delta);
              if (delta.length > 0) controller.enqueue({ ...chunk, delta });
            },
          }),
        ),
      };
    },
  };
}
