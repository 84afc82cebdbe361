/**
 * The baseline: a Socket.IO 4 server running the same minimal game, with room broadcasts
 * through `io.to(room).emit('m', msg)` (Socket.IO encodes the packet once per broadcast) and
 * personal messages through `socket.emit('m', msg)`. WebSocket transport only, no
 * compression — the configuration a user would pick for a big live room.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createGame } from './mini-game.mjs';
import { fatal, recordBroadcast, startProbe } from './probe.mjs';

try {
  const http = createServer();
  const io = new Server(http, {
    transports: ['websocket'],
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });
  const game = createGame(
    {
      broadcast(room, msg) {
        io.to(room.code).emit('m', msg);
      },
      send(socket, msg) {
        socket.emit('m', msg);
      },
      join(socket, room) {
        socket.join(room.code);
        room.conns.add(socket);
      },
    },
    { onBroadcastMs: recordBroadcast },
  );
  io.on('connection', (socket) => {
    socket.ctx = null;
    socket.on('m', (msg) => {
      if (msg && typeof msg === 'object') game.onMessage(socket, msg);
    });
    socket.on('disconnect', () => game.onClose(socket));
  });
  http.listen(0, '127.0.0.1', 4096, () => {
    const { port } = http.address();
    startProbe(
      { kind: 'socketio', url: `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket` },
      async () => {
        io.disconnectSockets(true);
        await new Promise((r) => io.close(() => r()));
      },
    );
  });
} catch (err) {
  fatal(err);
}
