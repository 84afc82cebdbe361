/**
 * The floor: a raw `ws` server (no compression, no validation, no heartbeat) that serialises
 * each room broadcast once into a Buffer and writes those bytes to every socket. It runs the
 * minimal game of mini-game.mjs so answers, acks and the host histogram exist too.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { createGame } from './mini-game.mjs';
import { fatal, recordBroadcast, startProbe } from './probe.mjs';

try {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({
    server: http,
    path: '/ws',
    perMessageDeflate: false,
    maxPayload: 16 * 1024,
    handleProtocols: (protocols) => (protocols.has('quizwire.v1') ? 'quizwire.v1' : false),
  });
  const opts = { binary: false, compress: false };
  const game = createGame(
    {
      broadcast(room, msg) {
        const bytes = Buffer.from(JSON.stringify(msg));
        for (const ws of room.conns) ws.send(bytes, opts);
      },
      send(ws, msg) {
        ws.send(JSON.stringify(msg));
      },
      join(ws, room) {
        room.conns.add(ws);
      },
    },
    { onBroadcastMs: recordBroadcast },
  );
  wss.on('connection', (ws) => {
    ws.ctx = null;
    ws.on('message', (data) => {
      let msg;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        return;
      }
      game.onMessage(ws, msg);
    });
    ws.on('close', () => game.onClose(ws));
    ws.on('error', () => {});
  });
  http.listen(0, '127.0.0.1', 4096, () => {
    const { port } = http.address();
    startProbe({ kind: 'floor', url: `ws://127.0.0.1:${port}/ws` }, async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise((r) => http.close(r));
    });
  });
} catch (err) {
  fatal(err);
}
