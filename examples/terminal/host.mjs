#!/usr/bin/env node
// Host a classic Quizwire game from a terminal.
//   node examples/terminal/host.mjs [ws://localhost:8787/ws] [questionCount]
// Press Enter to start, then Enter to close a question / show the leaderboard / go on.
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const url = process.argv[2] ?? 'ws://localhost:8787/ws';
const count = Number(process.argv[3] ?? 5);
const ws = new WebSocket(url, 'quizwire.v1');
let n = 0;
let phase = 'lobby';
const send = (type, fields = {}) => ws.send(JSON.stringify({ type, id: `host-${++n}`, ...fields }));

ws.on('open', () =>
  send('session.create', { mode: 'classic', bank: { count }, settings: { countdownMs: 3000 } }),
);
ws.on('close', (code) => {
  console.log(`connection closed (${code})`);
  process.exit(0);
});
ws.on('message', (data) => {
  const m = JSON.parse(data.toString());
  switch (m.type) {
    case 'ack':
      if (m.result.code)
        console.log(
          `Room ${m.result.code} is open. Players: node examples/terminal/player.mjs ${m.result.code} <name>\nPress Enter to start.`,
        );
      break;
    case 'error':
      console.log(`✗ ${m.code}: ${m.message}`);
      break;
    case 'lobby.update':
      console.log(`players (${m.count}): ${m.players.map((p) => p.nickname).join(', ')}`);
      break;
    case 'question.next':
      phase = 'question';
      console.log(
        `\nQ${m.index + 1}/${m.total}: ${m.question.prompt}\n${m.question.options.map((o, i) => `  ${i + 1}. ${o}`).join('\n')}\n(Enter closes the question)`,
      );
      break;
    case 'histogram':
      console.log(`  answers: ${m.answered}/${m.total} [${m.counts.join(' ')}]`);
      break;
    case 'question.result':
      phase = 'reveal';
      console.log(
        `correct: ${m.correct.map((i) => i + 1).join(', ')} · answered ${m.answered}/${m.total}. Enter for the leaderboard.`,
      );
      break;
    case 'leaderboard':
      phase = 'leaderboard';
      console.log(
        m.top.map((p) => `  #${p.rank} ${p.nickname} ${p.score}`).join('\n'),
        '\nEnter for the next question.',
      );
      break;
    case 'quiz.finished':
      console.log('\nPodium:\n' + m.podium.map((p) => `  #${p.rank} ${p.nickname} ${p.score}`).join('\n'));
      ws.close();
      break;
  }
});

createInterface({ input: process.stdin }).on('line', () => {
  if (phase === 'lobby') send('quiz.start');
  else if (phase === 'question') send('question.close');
  else send('question.next');
});
