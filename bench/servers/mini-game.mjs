/**
 * The smallest game that speaks the same thin-client subset of protocol v1 as the load
 * generator, so the floor and the Socket.IO baseline carry the same messages as Quizwire:
 * create / join / resume, question.next (one frame serialised once per broadcast), answers
 * acked exactly once per command id, a throttled host histogram, question.result plus a small
 * personal player.standing, leaderboard. No validation beyond what the bench needs, no
 * persistence, no heartbeat: it is what "doing the same game" costs at least.
 *
 * The transport adapter decides how bytes move: raw `ws` (floor) or Socket.IO rooms
 * (baseline).
 */
import { randomBytes } from 'node:crypto';

/**
 * @typedef {object} Transport
 * @property {(room: Room, msg: object) => void} broadcast  serialise once, send to the room
 * @property {(conn: any, msg: object) => void} send          one personal message
 * @property {(conn: any, room: Room) => void} join
 */

/** A ~300-byte question frame, like a real four-option bank question. */
function makeQuestion(index) {
  return {
    id: `q${index}`,
    kind: 'single',
    prompt: `Question ${index + 1}: which of these rivers flows through the most countries in its basin?`,
    options: ['The Danube', 'The Amazon', 'The Nile', 'The Mekong'],
    timeLimitMs: 20_000,
    points: 'standard',
  };
}

const HISTOGRAM_EVERY_MS = 100;
const REPLAY_WINDOW = 256;

/** @typedef {ReturnType<typeof createRoom>} Room */
function createRoom(code, total) {
  return {
    code,
    total,
    seq: 0,
    /** @type {{ seq: number, msg: object }[]} */
    log: [],
    /** @type {Set<any>} */
    conns: new Set(),
    host: null,
    hostToken: randomBytes(12).toString('hex'),
    /** @type {Map<string, Player>} by resume token */
    players: new Map(),
    phase: 'lobby',
    index: -1,
    question: null,
    counts: [0, 0, 0, 0],
    answered: 0,
    histTimer: null,
    lobbyTimer: null,
  };
}

/** @typedef {{ id: string, nickname: string, token: string, conn: any, score: number, answers: Map<string, object>, choice: number[] | null }} Player */

/**
 * @param {Transport} transport
 * @param {{ onBroadcastMs?: (type: string, ms: number, sockets: number) => void }} [hooks]
 */
export function createGame(transport, hooks = {}) {
  /** @type {Map<string, Room>} */
  const rooms = new Map();
  /** @type {Map<string, { room: Room, player: Player | null }>} */
  const tokens = new Map();
  let nextPlayer = 1;

  function event(room, msg) {
    room.seq += 1;
    const stamped = { ...msg, seq: room.seq };
    room.log.push({ seq: room.seq, msg: stamped });
    if (room.log.length > REPLAY_WINDOW) room.log.shift();
    const t0 = performance.now();
    transport.broadcast(room, stamped);
    hooks.onBroadcastMs?.(msg.type, performance.now() - t0, room.conns.size);
  }

  function snapshot(room, player) {
    return {
      type: 'session.snapshot',
      seq: room.seq,
      serverTime: Date.now(),
      code: room.code,
      phase: room.phase,
      role: player ? 'player' : 'host',
      playerCount: room.players.size,
      question: room.question && room.phase === 'question' ? { question: room.question } : null,
      you: player ? { playerId: player.id, nickname: player.nickname, score: player.score } : null,
    };
  }

  function scheduleLobby(room) {
    if (room.lobbyTimer) return;
    room.lobbyTimer = setTimeout(() => {
      room.lobbyTimer = null;
      event(room, { type: 'lobby.update', players: [], count: room.players.size });
    }, 500);
  }

  function scheduleHistogram(room) {
    if (room.histTimer || !room.host) return;
    room.histTimer = setTimeout(() => {
      room.histTimer = null;
      if (room.host && room.question) {
        transport.send(room.host, {
          type: 'histogram',
          questionId: room.question.id,
          counts: room.counts,
          answered: room.answered,
          total: room.players.size,
        });
      }
    }, HISTOGRAM_EVERY_MS);
  }

  function openQuestion(room) {
    room.index += 1;
    if (room.index >= room.total) {
      room.phase = 'finished';
      event(room, { type: 'quiz.finished', podium: [], top: [], total: room.players.size });
      return;
    }
    room.phase = 'question';
    room.question = makeQuestion(room.index);
    room.counts = [0, 0, 0, 0];
    room.answered = 0;
    for (const p of room.players.values()) p.choice = null;
    const opensAt = Date.now();
    event(room, {
      type: 'question.next',
      question: room.question,
      index: room.index,
      total: room.total,
      opensAt,
      deadline: opensAt + room.question.timeLimitMs,
    });
  }

  function closeQuestion(room) {
    room.phase = 'reveal';
    if (room.histTimer) clearTimeout(room.histTimer);
    room.histTimer = null;
    event(room, {
      type: 'question.result',
      questionId: room.question.id,
      correct: [0],
      counts: room.counts,
      answered: room.answered,
      total: room.players.size,
    });
    const ranked = [...room.players.values()].sort((a, b) => b.score - a.score);
    ranked.forEach((p, i) => {
      if (!p.conn) return;
      transport.send(p.conn, {
        type: 'player.standing',
        score: p.score,
        rank: i + 1,
        streak: 0,
        total: ranked.length,
        last: null,
      });
    });
    room.ranked = ranked;
  }

  function showLeaderboard(room) {
    room.phase = 'leaderboard';
    const top = (room.ranked ?? []).slice(0, 5).map((p, i) => ({
      playerId: p.id,
      nickname: p.nickname,
      score: p.score,
      rank: i + 1,
    }));
    event(room, { type: 'leaderboard', top, total: room.players.size });
  }

  const ack = (conn, id, result) => transport.send(conn, { type: 'ack', id, result });
  const fail = (conn, id, code) => transport.send(conn, { type: 'error', id, code, message: code });

  /** Handle one parsed client message on `conn` (whose `ctx` field the game owns). */
  function onMessage(conn, msg) {
    const ctx = conn.ctx;
    switch (msg.type) {
      case 'session.create': {
        let code;
        do code = randomBytes(3).toString('hex').toUpperCase();
        while (rooms.has(code));
        const room = createRoom(code, msg.bank?.count ?? 20);
        rooms.set(code, room);
        room.host = conn;
        tokens.set(room.hostToken, { room, player: null });
        conn.ctx = { room, player: null };
        transport.join(conn, room);
        ack(conn, msg.id, { code, role: 'host', resumeToken: room.hostToken });
        transport.send(conn, snapshot(room, null));
        return;
      }
      case 'session.join': {
        const room = rooms.get(msg.code);
        if (!room) return fail(conn, msg.id, 'ROOM_NOT_FOUND');
        const token = randomBytes(12).toString('hex');
        const player = {
          id: `p${nextPlayer++}`,
          nickname: msg.nickname,
          token,
          conn,
          score: 0,
          answers: new Map(),
          choice: null,
        };
        room.players.set(token, player);
        tokens.set(token, { room, player });
        conn.ctx = { room, player };
        transport.join(conn, room);
        ack(conn, msg.id, { playerId: player.id, resumeToken: token });
        transport.send(conn, snapshot(room, player));
        scheduleLobby(room);
        return;
      }
      case 'session.resume': {
        const entry = tokens.get(msg.resumeToken);
        if (!entry) return fail(conn, msg.id, 'UNAUTHORIZED');
        const { room, player } = entry;
        if (player) player.conn = conn;
        else room.host = conn;
        conn.ctx = { room, player };
        transport.join(conn, room);
        const first = room.log[0]?.seq ?? room.seq + 1;
        const recovered = msg.lastSeq >= first - 1 && msg.lastSeq <= room.seq;
        if (recovered) {
          for (const e of room.log) if (e.seq > msg.lastSeq) transport.send(conn, e.msg);
        } else {
          transport.send(conn, snapshot(room, player));
        }
        ack(conn, msg.id, { recovered });
        return;
      }
      case 'quiz.start':
      case 'question.next': {
        if (!ctx || ctx.player) return fail(conn, msg.id, 'NOT_ALLOWED');
        const room = ctx.room;
        const ok =
          msg.type === 'quiz.start'
            ? room.phase === 'lobby'
            : room.phase === 'reveal' || room.phase === 'leaderboard';
        if (!ok) return fail(conn, msg.id, 'WRONG_PHASE');
        ack(conn, msg.id, {});
        if (room.phase === 'reveal') showLeaderboard(room);
        else openQuestion(room);
        return;
      }
      case 'question.close': {
        if (!ctx || ctx.player) return fail(conn, msg.id, 'NOT_ALLOWED');
        if (ctx.room.phase !== 'question') return fail(conn, msg.id, 'WRONG_PHASE');
        ack(conn, msg.id, {});
        closeQuestion(ctx.room);
        return;
      }
      case 'answer.submit': {
        if (!ctx?.player) return fail(conn, msg.id, 'NOT_ALLOWED');
        const { room, player } = ctx;
        const earlier = player.answers.get(msg.id);
        if (earlier) return transport.send(conn, earlier);
        if (room.phase !== 'question' || msg.questionId !== room.question.id) {
          return fail(conn, msg.id, 'WRONG_PHASE');
        }
        if (player.choice) return fail(conn, msg.id, 'ALREADY_ANSWERED');
        player.choice = msg.choice;
        room.counts[msg.choice[0]] += 1;
        room.answered += 1;
        if (msg.choice[0] === 0) player.score += 1000;
        const reply = {
          type: 'ack',
          id: msg.id,
          result: { questionId: msg.questionId, receivedAt: Date.now() },
        };
        player.answers.set(msg.id, reply);
        transport.send(conn, reply);
        if (room.answered >= room.players.size) closeQuestion(room);
        else scheduleHistogram(room);
        return;
      }
      default:
        return fail(conn, msg.id, 'UNKNOWN_TYPE');
    }
  }

  function onClose(conn) {
    const ctx = conn.ctx;
    if (!ctx) return;
    ctx.room.conns.delete(conn);
    if (ctx.player && ctx.player.conn === conn) ctx.player.conn = null;
  }

  return { onMessage, onClose, rooms };
}
