/**
 * AI question generation: the `QuestionSource` seam (LLM over any OpenAI-compatible endpoint,
 * topped up from the bank), document upload and extraction, and the SSE endpoint.
 * See docs/ai-generation.md.
 * @packageDocumentation
 */

export {
  DocumentError,
  DocumentErrorCode,
  type DocumentLimits,
  documentMediaType,
  extractDocument,
} from './document.js';
export { DocumentStore, type DocumentStoreOptions } from './document-store.js';
export {
  type DeliveredQuestion,
  Generation,
  GenerationRegistry,
  type GenerationRegistryOptions,
  type GenerationSummary,
} from './generations.js';
export { HttpErrorCode } from './http.js';
export { GENERATION_REDACT_PATHS, secretScrubber } from './redact.js';
export { createQuestionSource, MAX_GENERATION_COUNT, type SourceDeps } from './source.js';
export { type GenerateHandlerDeps, handleGenerateRequest, parseGenerateBody, SSE_HEADERS } from './sse.js';
export {
  type BankLike,
  DEFAULT_GENERATION_CONFIG,
  type DocumentPage,
  DoneReason,
  type ExtractedDocument,
  type GenerateOptions,
  type GenerationConfig,
  type GenerationEvent,
  type GenerationRequest,
  type QuestionSource,
  type RandomInt,
} from './types.js';
export { handleDocumentUpload, type UploadHandlerDeps } from './upload.js';
export {
  type GenerationProgress,
  GenerationProgressTracker,
  generationConfigFrom,
  type LlmSettings,
} from './wiring.js';
