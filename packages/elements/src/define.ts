/**
 * Registers every Quizwire tag. Importing this module has that side effect and nothing else.
 * @packageDocumentation
 */
import './components/qw-connection/define.js';
import './components/qw-join/define.js';
import './components/qw-lobby/define.js';
import './components/qw-question/define.js';
import './components/qw-histogram/define.js';
import './components/qw-leaderboard/define.js';
import './components/qw-podium/define.js';
import './components/qw-result/define.js';
import './components/qw-generation/define.js';
import './components/qw-player/define.js';
import './components/qw-host/define.js';
import './components/qw-screen/define.js';
import './components/qw-duel/define.js';
import './components/qw-solo/define.js';

export type { QuizwireEventMap } from './events.js';
