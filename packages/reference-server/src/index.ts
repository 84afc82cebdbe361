/**
 * `@quizwire/reference-server`: the self-hostable Quizwire game server.
 * @packageDocumentation
 */

export { type Clock, FakeClock, systemClock, type TimerHandle } from './clock.js';
export { ConfigError, defaultConfig, helpText, loadConfig, OPTIONS, type ServerConfig } from './config.js';
export { BankError, type BankQuestion, QuestionBank } from './game/bank.js';
export { friendlyName, normaliseNickname } from './game/nicknames.js';
export { isCorrectChoice, rank, type ScoreInput, type ScoreOutput, scoreAnswer } from './game/scoring.js';
export { createLogger, REDACT_PATHS } from './logger.js';
export { builtInBankDir, type QuizServer, type ServerOptions, startServer } from './server.js';
