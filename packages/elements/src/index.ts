/**
 * `@quizwire/elements`: Lit web components for Quizwire. This entry only exports the classes
 * and helpers; it registers no tags. Import `@quizwire/elements/define` (all tags) or
 * `@quizwire/elements/qw-player` (one tag and what it renders) to register them.
 * @packageDocumentation
 */
export type {
  ConnectionValue,
  CreateOptions,
  DuelValue,
  FinishedValue,
  GenerateOptions,
  GenerationValue,
  HistogramValue,
  LeaderboardValue,
  MyAnswerValue,
  QuestionValue,
  QuizClientLike,
  QuizErrorLike,
  ReadableStore,
  ResultValue,
  SessionValue,
  StandingValue,
} from './client.js';
export { ConnectionState } from './client.js';
export { QwConnection } from './components/qw-connection/qw-connection.js';
export { QwDuel } from './components/qw-duel/qw-duel.js';
export { QwGeneration } from './components/qw-generation/qw-generation.js';
export { QwHistogram } from './components/qw-histogram/qw-histogram.js';
export { QwHost } from './components/qw-host/qw-host.js';
export type { GameReport, ReportQuestion } from './components/qw-host/report.js';
export { type JoinRequest, QwJoin } from './components/qw-join/qw-join.js';
export { QwLeaderboard } from './components/qw-leaderboard/qw-leaderboard.js';
export { QwLobby } from './components/qw-lobby/qw-lobby.js';
export { QwPlayer } from './components/qw-player/qw-player.js';
export { QwPodium } from './components/qw-podium/qw-podium.js';
export { type AnswerRequest, QwQuestion } from './components/qw-question/qw-question.js';
export { QwResult } from './components/qw-result/qw-result.js';
export { QwScreen } from './components/qw-screen/qw-screen.js';
export { QwSolo } from './components/qw-solo/qw-solo.js';
export { type ClientFactory, createClientFor, resolveServerUrl, setClientFactory } from './connect.js';
export { StoreController } from './controllers/store-controller.js';
export type { QuizwireEventMap } from './events.js';
export { defaultStrings, format, type Strings } from './i18n.js';
