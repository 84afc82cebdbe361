/**
 * One big room: N players join one classic game and play it. Measures, per question, the
 * fan-out of `question.next` (host's trigger → each player's receipt), the server's
 * event-loop time for it, and ingest (answers at random moments in the window, acks, host
 * histogram staleness); then memory after joining, and a reconnect storm on the last question.
 */
import { randomUUID } from 'node:crypto';
import { now, round, summary } from '../lib/stats.mjs';
import { barrier, pool, sleep } from './client.mjs';
import { Participant, takeTraffic } from './participant.mjs';

/**
 * @param {object} o
 * @param {'ws' | 'eio'} o.framing
 * @param {string} o.url
 * @param {number} o.n
 * @param {number} o.questions     measured questions (≥ 20 in a full run)
 * @param {number} o.answerWindowMs answers are sent at uniform random moments in this window
 * @param {number} o.stormSize     players dropped at once on an extra question (0: no storm)
 * @param {{ call: (op: string, arg?: unknown, timeoutMs?: number) => Promise<any> }} o.rpc
 * @param {(line: string) => void} o.log
 */
export async function singleRoom(o) {
  const { framing, url, n, questions, answerWindowMs, stormSize, rpc, log } = o;
  const connectMs = 15_000;
  const phaseMs = 15_000 + n * 2;
  /** @type {import('./participant.mjs').RoomHooks} */
  const room = {};
  const host = new Participant(-1, room);
  await host.open(framing, url, connectMs);
  const created = await host.request(
    {
      type: 'session.create',
      id: `c-${randomUUID()}`,
      mode: 'classic',
      settings: { countdownMs: 0, playerHistogram: false },
      bank: { count: questions + (stormSize > 0 ? 1 : 0) },
    },
    phaseMs,
  );
  if (created.msg.type !== 'ack') throw new Error(`session.create refused: ${JSON.stringify(created.msg)}`);
  const code = created.msg.result.code;

  // ---- join -------------------------------------------------------------------------------
  const players = Array.from({ length: n }, (_, i) => new Participant(i, room));
  takeTraffic();
  const tJoin = now();
  const joinMs = [];
  const joined = await pool(n, 200, async (i) => {
    const p = players[i];
    await p.open(framing, url, connectMs);
    const t = now();
    const r = await p.request(
      { type: 'session.join', id: `j-${randomUUID()}`, code, nickname: `p${i}` },
      phaseMs,
    );
    if (r.msg.type !== 'ack') throw new Error(`join refused: ${r.msg.code} ${r.msg.message}`);
    p.token = r.msg.result.resumeToken;
    p.playerId = r.msg.result.playerId;
    joinMs.push(r.t - t);
  });
  const active = players.filter((p) => p.token);
  const N = active.length;
  const join = {
    joined: N,
    failed: joined.errors.length,
    firstError: joined.errors[0] ? String(joined.errors[0].message ?? joined.errors[0]) : null,
    totalMs: round(now() - tJoin, 0),
    ackMs: summary(joinMs),
  };
  log(`joined ${N}/${n} in ${join.totalMs} ms`);
  if (N === 0) throw new Error(`no player joined: ${join.firstError}`);

  await sleep(1000); // let throttled lobby updates drain
  join.traffic = takeTraffic();
  const memory = await rpc.call('memory', { players: N });

  // ---- questions ----------------------------------------------------------------------------
  const perQuestion = [];
  for (let qi = 0; qi < questions; qi++) {
    const fan = await fanOut(qi, qi === 0 ? 'quiz.start' : 'question.next');
    const ing = await ingest(qi, fan.question, null);
    await leaderboard(qi);
    perQuestion.push({ ...fan.stats, ...ing });
    await sleep(100);
  }

  // ---- reconnect storm on one more question --------------------------------------------------
  let storm = null;
  if (stormSize > 0) {
    const qi = questions;
    const fan = await fanOut(qi, 'question.next');
    storm = await ingest(qi, fan.question, Math.min(stormSize, N));
    await leaderboard(qi);
  }

  host.client.terminate();
  for (const p of players) p.client?.terminate();
  return { join, memory, perQuestion, storm, gameTraffic: takeTraffic() };

  // ---- phases ---------------------------------------------------------------------------------

  async function fanOut(qi, trigger) {
    const recv = new Float64Array(n).fill(Number.NaN);
    let question = null;
    let bytes = 0;
    const got = barrier(N, phaseMs);
    room.onQuestion = (p, msg, t, b) => {
      if (p.i < 0 || msg.index !== qi || !Number.isNaN(recv[p.i])) return;
      recv[p.i] = t;
      question = msg;
      bytes = b;
      got.hit();
    };
    const m0 = await rpc.call('mark');
    const t0 = now();
    const reply = host.request({ type: trigger, id: `n${qi}` }, phaseMs);
    const done = await got.promise;
    const m1 = await rpc.call('mark');
    const r = await reply;
    if (r.msg.type !== 'ack') throw new Error(`${trigger} refused: ${JSON.stringify(r.msg)}`);
    room.onQuestion = undefined;
    if (!question) throw new Error(`question ${qi} reached no player`);
    const times = Array.from(recv).filter((x) => !Number.isNaN(x));
    const last = Math.max(...times);
    const lat = times.map((t) => t - t0);
    return {
      question,
      stats: {
        index: qi,
        received: times.length,
        timedOut: done.timedOut,
        frameBytes: bytes,
        lastMs: last - t0,
        firstMs: Math.min(...times) - t0,
        clientP50Ms: summary(lat).p50,
        /** cross-check against the server's own stamp (ms resolution) */
        lastSinceOpensAtMs: last - question.opensAt,
        hostAckMs: r.t - t0,
        loopMs: m1.eluActiveMs - m0.eluActiveMs,
        cpuMs: (m1.cpu.user + m1.cpu.system - m0.cpu.user - m0.cpu.system) / 1000,
      },
    };
  }

  /** Answers for question `qi`; when `stormCount` is set, that many players drop and resume. */
  async function ingest(qi, question, stormCount) {
    const qid = question.question.id;
    const options = Math.max(2, question.question.options?.length ?? 2);
    const aid = `a${qi}`;
    const sent = new Float64Array(n).fill(Number.NaN);
    const acked = new Float64Array(n).fill(Number.NaN);
    const errors = {};
    let duplicates = 0;
    const acks = barrier(N, phaseMs + answerWindowMs);
    const results = barrier(N, phaseMs + answerWindowMs);
    /** @type {[number, number][]} */
    const hist = [];
    let result = null;
    room.onReply = (p, msg, t) => {
      if (p.i < 0 || msg.id !== aid) return;
      const r = p.replies.get(aid);
      if (r.n > 1) {
        duplicates += 1;
        return;
      }
      if (msg.type === 'error') errors[msg.code] = (errors[msg.code] ?? 0) + 1;
      acked[p.i] = t;
      acks.hit();
    };
    room.onHistogram = (p, msg, t) => {
      if (p.i < 0 && msg.questionId === qid) hist.push([t, msg.answered]);
    };
    room.onResult = (p, msg, t) => {
      if (p.i < 0) result = { t, answered: msg.answered, total: msg.total };
      else results.hit();
    };
    const answer = () => ({
      type: 'answer.submit',
      id: aid,
      questionId: qid,
      choice: [Math.floor(Math.random() * options)],
    });

    const order = shuffle(active);
    const stormers = stormCount ? order.slice(0, stormCount) : [];
    const calm = stormCount ? order.slice(stormCount) : order;
    let stormStats = null;
    const stormDone = stormers.length ? dropAndResume(stormers, answer, aid, (s) => (stormStats = s)) : null;

    const offsets = calm.map(() => Math.random() * answerWindowMs).sort((a, b) => a - b);
    const tA = now();
    for (let k = 0; k < calm.length; ) {
      const t = now();
      if (t - tA > answerWindowMs + 5_000) throw new Error('answer schedule overran its window');
      while (k < calm.length && tA + offsets[k] <= t) {
        const p = calm[k++];
        sent[p.i] = now();
        p.send(answer());
      }
      if (k < calm.length) await sleep(Math.max(0, Math.min(20, tA + offsets[k] - now())));
    }
    if (stormDone) await stormDone;
    for (const p of stormers) sent[p.i] = p.resentAt ?? sent[p.i];
    const ackDone = await acks.promise;
    // The server closes the question once everyone answered; close it ourselves otherwise.
    await sleep(300);
    if (!result) {
      const r = await host.request({ type: 'question.close', id: `x${qi}` }, phaseMs);
      if (r.msg.type !== 'ack' && r.msg.code !== 'WRONG_PHASE')
        throw new Error(`question.close: ${JSON.stringify(r.msg)}`);
    }
    const resDone = await results.promise;
    room.onReply = room.onHistogram = room.onResult = undefined;

    const sentTimes = Array.from(sent).filter((x) => !Number.isNaN(x));
    const ackTimes = Array.from(acked)
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);
    const ackLat = [];
    for (const p of active) if (!Number.isNaN(acked[p.i])) ackLat.push(acked[p.i] - sent[p.i]);
    const out = {
      answersSent: sentTimes.length,
      acked: ackTimes.length,
      ackTimedOut: ackDone.timedOut,
      duplicateReplies: duplicates,
      errorReplies: errors,
      resultAnswered: result?.answered ?? null,
      resultReachedAll: !resDone.timedOut,
      lastAnswerToLastAckMs: ackTimes.length ? ackTimes[ackTimes.length - 1] - Math.max(...sentTimes) : null,
      ackLatencyMs: summary(ackLat),
      histograms: hist.length,
      histogramStaleMaxMs: staleness(ackTimes, hist, result),
    };
    if (!stormCount) return { ingest: out };
    return {
      ...stormStats,
      answers: out,
      lost: N - (result?.answered ?? 0),
      doubled: duplicates + Math.max(0, (result?.answered ?? 0) - N),
    };
  }

  /** Drop `stormers` at once (each with an answer just sent), then resume and resend. */
  async function dropAndResume(stormers, answer, aid, done) {
    room.onSnapshot = (p, _msg, t) => p.snapshotHook?.(t);
    const tDrop = now();
    for (const p of stormers) {
      p.pendingAnswer = answer();
      p.send(p.pendingAnswer);
      p.client.terminate();
    }
    const resyncMs = [];
    const connectMs_ = [];
    const recovered = { true: 0, false: 0 };
    const r = await pool(stormers.length, stormers.length, async (k) => {
      const p = stormers[k];
      let snapshotAt = Number.NaN;
      await p.open(framing, url, phaseMs);
      connectMs_.push(now() - tDrop);
      p.snapshotHook = (t) => {
        snapshotAt = t;
      };
      const reply = await p.request(
        { type: 'session.resume', id: `r${aid}`, resumeToken: p.token, lastSeq: p.lastSeq },
        phaseMs,
      );
      if (reply.msg.type !== 'ack') throw new Error(`resume refused: ${reply.msg.code}`);
      const ok = reply.msg.result.recovered === true;
      recovered[ok] += 1;
      let at;
      if (ok) {
        at = await new Promise((resolve) => {
          const timer = setTimeout(() => resolve(Number.NaN), phaseMs);
          p.onSeq(
            host.lastSeq,
            (t) => {
              clearTimeout(timer);
              resolve(t);
            },
            reply.t,
          );
        });
      } else {
        at = Number.isNaN(snapshotAt) ? reply.t : Math.max(reply.t, snapshotAt);
      }
      resyncMs.push(at - tDrop);
      if (!p.replies.has(aid)) {
        p.resentAt = now();
        p.send(p.pendingAnswer);
      }
    });
    room.onSnapshot = undefined;
    done({
      dropped: stormers.length,
      resumed: resyncMs.length,
      failed: r.errors.length,
      firstError: r.errors[0] ? String(r.errors[0].message ?? r.errors[0]) : null,
      recovered: recovered.true,
      snapshots: recovered.false,
      reconnectMs: summary(connectMs_),
      resyncMs: summary(resyncMs.filter((x) => !Number.isNaN(x))),
      resyncTimedOut: resyncMs.filter((x) => Number.isNaN(x)).length,
    });
  }

  async function leaderboard(qi) {
    const got = barrier(N, phaseMs);
    room.onLeaderboard = (p) => {
      if (p.i >= 0) got.hit();
    };
    const r = await host.request({ type: 'question.next', id: `l${qi}` }, phaseMs);
    if (r.msg.type !== 'ack')
      throw new Error(`question.next (leaderboard) refused: ${JSON.stringify(r.msg)}`);
    await got.promise;
    room.onLeaderboard = undefined;
  }
}

/**
 * Longest time the host's view lagged the server's count: for the k-th acked answer (ack
 * receipt ≈ when the server counted it), the wait until a histogram (or the final result) with
 * `answered ≥ k` reached the host. Null when no answer was acked.
 */
export function staleness(ackTimes, hist, result) {
  if (ackTimes.length === 0) return null;
  const points = hist.slice();
  if (result) points.push([result.t, result.answered]);
  points.sort((a, b) => a[0] - b[0]);
  let best = 0;
  let j = 0;
  let runMax = -1;
  let worst = 0;
  for (let k = 1; k <= ackTimes.length; k++) {
    while (runMax < k && j < points.length) {
      runMax = Math.max(runMax, points[j][1]);
      best = points[j][0];
      j++;
    }
    if (runMax < k) return null; // never shown
    worst = Math.max(worst, best - ackTimes[k - 1]);
  }
  return round(worst, 1);
}

function shuffle(list) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
