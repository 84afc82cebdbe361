#!/usr/bin/env node
// Play a Quizwire game from a terminal.
//   node examples/terminal/player.mjs CODE NAME [ws://localhost:8787/ws]
// Type the option number(s) and Enter (e.g. "2" or "1 3" for multiple select).
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const [code, nickname = 'Terminal Tom', url = 'ws://localhost:8787/ws'] = process.argv.slice(2);
if (!code) {
  console.error('usage: node examples/terminal/player.mjs CODE NAME [ws-url]');
  process.exit(2);
}
const ws = new WebSocket(url, 'quizwire.v1');
let n = 0;
let question = null;
const send = (type, fields = {}) => ws.send(JSON.stringify({ type, id: `p-${++n}`, ...fields }));

ws.on('open', () => send('session.join', { code, nickname }));
ws.on('close', (c) => {
  console.log(`connection closed (${c})`);
  process.exit(0);
});
ws.on('message', (data) => {
  const m = JSON.parse(data.toString());
  if (m.type === 'ack' && m.result.nickname)
    console.log(`Joined as ${m.result.nickname}. Waiting for the host…`);
  if (m.type === 'ack' && m.result.receivedAt) console.log('answer locked in');
  if (m.type === 'error') console.log(`✗ ${m.code}: ${m.message}`);
  if (m.type === 'question.next') {
    question = m.question;
    console.log(
      `\nQ${m.index + 1}/${m.total}: ${m.question.prompt}\n${m.question.options.map((o, i) => `  ${i + 1}. ${o}`).join('\n')}`,
    );
  }
  if (m.type === 'player.standing' && m.last) {
    const verdict =
      m.last.correct === null
        ? 'poll'
        : m.last.correct
          ? `correct, +${m.last.points + m.last.streakBonus}`
          : 'wrong';
    console.log(`${verdict} · score ${m.score} · rank ${m.rank}/${m.total} · streak ${m.streak}`);
  }
  if (m.type === 'quiz.finished') {
    console.log('\nPodium:\n' + m.podium.map((p) => `  #${p.rank} ${p.nickname} ${p.score}`).join('\n'));
    ws.close();
  }
});

createInterface({ input: process.stdin }).on('line', (line) => {
  if (!question) return;
  const choice = line
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => Number(s) - 1);
  send('answer.submit', { questionId: question.id, choice });
});
