/**
 * Many small rooms: R rooms × 20 players, all playing at once (each room starts at a random
 * moment in the first second and runs its own host loop). Measures each question's fan-out
 * inside its room (trigger → the room's last player) and the server's CPU over the play phase.
 */
import { randomUUID } from 'node:crypto';
import { now, round, summary } from '../lib/stats.mjs';
import { barrier, pool, sleep } from './client.mjs';
import { Participant } from './participant.mjs';

/**
 * @param {object} o
 * @param {'ws' | 'eio'} o.framing
 * @param {string} o.url
 * @param {number} o.rooms
 * @param {number} o.perRoom
 * @param {number} o.questions
 * @param {number} o.answerWindowMs
 * @param {{ call: (op: string, arg?: unknown, timeoutMs?: number) => Promise<any> }} o.rpc
 * @param {(line: string) => void} o.log
 */
export async function manyRooms(o) {
  const { framing, url, rooms: R, perRoom, questions, answerWindowMs, rpc, log } = o;
  const connectMs = 15_000;
  const stepMs = 20_000;

  // ---- set up: hosts create, players join ------------------------------------------------------
  const rooms = Array.from({ length: R }, (_, r) => {
    const hooks = {};
    return { r, hooks, host: new Participant(-1, hooks), players: [], code: '' };
  });
  const tSetup = now();
  const created = await pool(R, 100, async (r) => {
    const room = rooms[r];
    await room.host.open(framing, url, connectMs);
    const c = await room.host.request(
      {
        type: 'session.create',
        id: `c-${randomUUID()}`,
        mode: 'classic',
        settings: { countdownMs: 0, playerHistogram: false },
        bank: { count: questions + 1 },
      },
      stepMs,
    );
    if (c.msg.type !== 'ack') throw new Error(`session.create refused: ${JSON.stringify(c.msg)}`);
    room.code = c.msg.result.code;
  });
  if (created.errors.length) throw created.errors[0];
  const joined = await pool(R * perRoom, 200, async (k) => {
    const room = rooms[Math.floor(k / perRoom)];
    const p = new Participant(k % perRoom, room.hooks);
    await p.open(framing, url, connectMs);
    const j = await p.request(
      { type: 'session.join', id: `j-${randomUUID()}`, code: room.code, nickname: `p${k}` },
      stepMs,
    );
    if (j.msg.type !== 'ack') throw new Error(`join refused: ${j.msg.code}`);
    p.token = j.msg.result.resumeToken;
    room.players.push(p);
  });
  const setupMs = round(now() - tSetup, 0);
  log(`${R} rooms, ${R * perRoom - joined.errors.length} players joined in ${setupMs} ms`);
  if (joined.errors.length) throw joined.errors[0];
  await sleep(1000);

  // ---- play ------------------------------------------------------------------------------------
  const fanMs = [];
  const incomplete = [];
  const cpu0 = process.cpuUsage();
  const m0 = await rpc.call('mark');
  const tPlay = now();
  const played = await pool(R, R, (r) => playRoom(rooms[r]));
  const m1 = await rpc.call('mark');
  const cpu1 = process.cpuUsage(cpu0);
  const wallMs = now() - tPlay;
  for (const room of rooms) {
    room.host.client?.terminate();
    for (const p of room.players) p.client?.terminate();
  }
  return {
    rooms: R,
    perRoom,
    questions,
    setupMs,
    failedRooms: played.errors.length,
    firstError: played.errors[0] ? String(played.errors[0].message ?? played.errors[0]) : null,
    incompleteFanOuts: incomplete.length,
    fanOutMs: summary(fanMs),
    playMs: round(wallMs, 0),
    serverCpuCores: round((m1.cpu.user + m1.cpu.system - m0.cpu.user - m0.cpu.system) / 1000 / wallMs, 2),
    serverLoopUtilisation: round((m1.eluActiveMs - m0.eluActiveMs) / wallMs, 2),
    loadCpuCores: round((cpu1.user + cpu1.system) / 1000 / wallMs, 2),
  };

  async function playRoom(room) {
    const { hooks, host, players } = room;
    const size = players.length;
    await sleep(Math.random() * 1000);
    for (let qi = 0; qi < questions; qi++) {
      // fan-out
      const got = barrier(size, stepMs);
      let last = 0;
      let question = null;
      hooks.onQuestion = (p, msg, t) => {
        if (p.i < 0 || msg.index !== qi) return;
        last = t;
        question = msg;
        got.hit();
      };
      const t0 = now();
      const trigger = host.request({ type: qi === 0 ? 'quiz.start' : 'question.next', id: `n${qi}` }, stepMs);
      const g = await got.promise;
      const tr = await trigger;
      if (tr.msg.type !== 'ack') throw new Error(`trigger refused: ${JSON.stringify(tr.msg)}`);
      if (g.timedOut || !question) {
        incomplete.push(room.r);
        throw new Error(`room ${room.r} q${qi}: ${g.count}/${size} received`);
      }
      fanMs.push(last - t0);
      // answers at random moments; the server closes when all answered
      const aid = `a${qi}`;
      const results = barrier(size, stepMs + answerWindowMs);
      let hostResult = false;
      hooks.onResult = (p) => {
        if (p.i < 0) hostResult = true;
        else results.hit();
      };
      const options = Math.max(2, question.question.options?.length ?? 2);
      const timers = players.map((p) =>
        setTimeout(
          () =>
            p.send({
              type: 'answer.submit',
              id: aid,
              questionId: question.question.id,
              choice: [Math.floor(Math.random() * options)],
            }),
          Math.random() * answerWindowMs,
        ),
      );
      await sleep(answerWindowMs + 200);
      if (!hostResult) {
        const c = await host.request({ type: 'question.close', id: `x${qi}` }, stepMs);
        if (c.msg.type !== 'ack' && c.msg.code !== 'WRONG_PHASE')
          throw new Error(`close: ${JSON.stringify(c.msg)}`);
      }
      const res = await results.promise;
      for (const t of timers) clearTimeout(t);
      if (res.timedOut) throw new Error(`room ${room.r} q${qi}: result reached ${res.count}/${size}`);
      // leaderboard
      const lb = barrier(size, stepMs);
      hooks.onLeaderboard = (p) => {
        if (p.i >= 0) lb.hit();
      };
      const l = await host.request({ type: 'question.next', id: `l${qi}` }, stepMs);
      if (l.msg.type !== 'ack') throw new Error(`leaderboard refused: ${JSON.stringify(l.msg)}`);
      await lb.promise;
      await sleep(Math.random() * 300);
    }
  }
}
