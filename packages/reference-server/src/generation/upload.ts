import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { DocumentError, type DocumentLimits, documentMediaType, extractDocument } from './document.js';
import type { DocumentStore } from './document-store.js';
import { BodyTooLargeError, readBody, sendError, sendJson } from './http.js';

export interface UploadHandlerDeps {
  documents: DocumentStore;
  limits: DocumentLimits;
  logger: Logger;
}

/**
 * `POST /api/documents`: the raw file as the body, its type in `Content-Type`
 * (`application/pdf`, `text/plain`, `text/markdown`). Answers `201 {documentId, pages, chars}`,
 * or `{error: {code, message}}` with 413 (too big), 415 (type) or 422 (too many pages, no text
 * layer, unreadable, too slow). The caller checks origin and auth first.
 */
export function handleDocumentUpload(
  req: IncomingMessage,
  res: ServerResponse,
  deps: UploadHandlerDeps,
): void {
  void upload(req, res, deps).catch((error: unknown) => {
    deps.logger.error({ err: (error as Error)?.name }, 'document upload failed');
    sendError(res, 500, 'INTERNAL', 'The upload failed.');
  });
}

async function upload(req: IncomingMessage, res: ServerResponse, deps: UploadHandlerDeps): Promise<void> {
  const type = documentMediaType(req.headers['content-type']);
  if (!type) {
    req.resume();
    sendError(res, 415, 'UNSUPPORTED_TYPE', 'Upload a PDF, plain text or Markdown file.');
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBody(req, deps.limits.maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendError(res, 413, 'TOO_LARGE', `The file is larger than ${deps.limits.maxBytes} bytes.`, {
        Connection: 'close',
      });
    }
    return;
  }
  try {
    const doc = await extractDocument(bytes, type, deps.limits);
    const documentId = deps.documents.put(doc);
    deps.logger.info({ documentId, type, pages: doc.pages.length, chars: doc.chars }, 'document stored');
    sendJson(res, 201, { documentId, pages: doc.pages.length, chars: doc.chars });
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    deps.logger.info({ code: error.code, type, bytes: bytes.byteLength }, 'document refused');
    sendError(res, error.status, error.code, error.message);
  }
}
