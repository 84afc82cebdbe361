import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one server instance (own registry, so tests can run many servers). */
export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({
    name: 'quizwire_connections',
    help: 'Open WebSocket connections',
    registers: [this.registry],
  });
  readonly rooms = new Gauge({ name: 'quizwire_rooms', help: 'Live rooms', registers: [this.registry] });
  readonly messagesIn = new Counter({
    name: 'quizwire_messages_in_total',
    help: 'Frames received',
    registers: [this.registry],
  });
  readonly messagesOut = new Counter({
    name: 'quizwire_messages_out_total',
    help: 'Frames sent (one per socket)',
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'quizwire_errors_total',
    help: 'Error replies by code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly closes = new Counter({
    name: 'quizwire_closes_total',
    help: 'Connections closed by the server, by close code',
    labelNames: ['code'],
    registers: [this.registry],
  });
  readonly broadcastSeconds = new Histogram({
    name: 'quizwire_broadcast_seconds',
    help: 'Time to serialise a room broadcast and write it to every socket',
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
}
