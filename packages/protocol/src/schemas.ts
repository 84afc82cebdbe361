/**
 * `@quizwire/protocol/schemas`: the zod (`zod/mini`) schemas of protocol v1 and the two
 * never-throwing parsers. Import this where you validate untrusted frames (servers, tools,
 * tests); the main entry stays free of zod for small browser bundles.
 * @packageDocumentation
 */

export { clientSchemas } from './schemas/client.js';
export * as schemas from './schemas/index.js';
export {
  type ClientMessage,
  type ParseIssue,
  type ParseOptions,
  type ParseResult,
  parseClientMessage,
  parseServerMessage,
  type ServerMessage,
} from './schemas/parse.js';
export { question as questionSchema, quiz as quizSchema } from './schemas/quiz.js';
export { serverSchemas } from './schemas/server.js';
