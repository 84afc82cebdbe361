/**
 * Server configuration: one table of options, each settable by an environment variable or the
 * CLI flag of the same meaning. Invalid values fail at start with a message naming the variable.
 */

type Kind = 'int' | 'string' | 'list' | 'bool' | 'level';

interface OptionSpec {
  key: keyof ServerConfig;
  env: string;
  flag: string;
  kind: Kind;
  default: ServerConfig[keyof ServerConfig];
  min?: number;
  max?: number;
  description: string;
  secret?: boolean;
}

/** Everything the server can be told at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Allowed browser origins for WebSocket and CORS; `['*']` allows any. */
  allowedOrigins: string[];
  /** HS256 secret for host JWTs; when set, only hosts with a valid token may create rooms. */
  secret: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  maxFrameBytes: number;
  maxConnections: number;
  maxConnectionsPerIp: number;
  listenBacklog: number;
  maxRooms: number;
  maxPlayersPerRoom: number;
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** Refused or malformed frames tolerated before a connection is closed for abuse. */
  abuseThreshold: number;
  answerGraceMs: number;
  hostGraceMs: number;
  duelGraceMs: number;
  replayBufferSize: number;
  idleRoomMs: number;
  finishedRoomMs: number;
  heartbeatMs: number;
  maxBufferedBytes: number;
  /** Rooms with more players than this throttle lobby and histogram updates. */
  throttleAbovePlayers: number;
  throttleMs: number;
  histogramMs: number;
  llmBaseUrl: string | undefined;
  llmApiKey: string | undefined;
  llmModel: string | undefined;
  llmTimeoutMs: number;
  llmStallMs: number;
  llmStructuredOutputs: boolean;
  dataDir: string | undefined;
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    key: 'port',
    env: 'PORT',
    flag: '--port',
    kind: 'int',
    default: 8787,
    min: 0,
    max: 65535,
    description: 'TCP port for HTTP and WebSocket',
  },
  {
    key: 'host',
    env: 'HOST',
    flag: '--host',
    kind: 'string',
    default: '0.0.0.0',
    description: 'Interface to listen on',
  },
  {
    key: 'allowedOrigins',
    env: 'ALLOWED_ORIGINS',
    flag: '--allowed-origins',
    kind: 'list',
    default: ['*'],
    description: 'Comma-separated browser origins allowed for WebSocket and CORS ("*" = any)',
  },
  {
    key: 'secret',
    env: 'QUIZWIRE_SECRET',
    flag: '--secret',
    kind: 'string',
    default: undefined,
    description: 'HS256 key for host JWTs; when set, creating rooms requires a valid host token',
    secret: true,
  },
  {
    key: 'logLevel',
    env: 'LOG_LEVEL',
    flag: '--log-level',
    kind: 'level',
    default: 'info',
    description: 'fatal|error|warn|info|debug|trace|silent',
  },
  {
    key: 'maxFrameBytes',
    env: 'MAX_FRAME_BYTES',
    flag: '--max-frame-bytes',
    kind: 'int',
    default: 16384,
    min: 1024,
    max: 1048576,
    description: 'Largest accepted WebSocket frame',
  },
  {
    key: 'maxConnections',
    env: 'MAX_CONNECTIONS',
    flag: '--max-connections',
    kind: 'int',
    default: 20000,
    min: 1,
    max: 1000000,
    description: 'Most concurrent WebSocket connections',
  },
  {
    key: 'listenBacklog',
    env: 'LISTEN_BACKLOG',
    flag: '--listen-backlog',
    kind: 'int',
    default: 4096,
    min: 1,
    max: 65535,
    description:
      'TCP accept queue; a reconnect storm beyond it waits for SYN retries (capped by net.core.somaxconn)',
  },
  {
    key: 'maxConnectionsPerIp',
    env: 'MAX_CONNECTIONS_PER_IP',
    flag: '--max-connections-per-ip',
    kind: 'int',
    default: 0,
    min: 0,
    max: 1000000,
    description: 'Most connections from one IP address (0 = no cap)',
  },
  {
    key: 'maxRooms',
    env: 'MAX_ROOMS',
    flag: '--max-rooms',
    kind: 'int',
    default: 10000,
    min: 1,
    max: 1000000,
    description: 'Most concurrent rooms',
  },
  {
    key: 'maxPlayersPerRoom',
    env: 'MAX_PLAYERS_PER_ROOM',
    flag: '--max-players-per-room',
    kind: 'int',
    default: 10000,
    min: 1,
    max: 100000,
    description: 'Default player cap of a classic room',
  },
  {
    key: 'rateLimitPerSecond',
    env: 'RATE_LIMIT_PER_SECOND',
    flag: '--rate-limit-per-second',
    kind: 'int',
    default: 10,
    min: 1,
    max: 10000,
    description: 'Messages per second a connection may send (token refill rate)',
  },
  {
    key: 'rateLimitBurst',
    env: 'RATE_LIMIT_BURST',
    flag: '--rate-limit-burst',
    kind: 'int',
    default: 30,
    min: 1,
    max: 100000,
    description: 'Token bucket size (burst)',
  },
  {
    key: 'abuseThreshold',
    env: 'ABUSE_THRESHOLD',
    flag: '--abuse-threshold',
    kind: 'int',
    default: 100,
    min: 1,
    max: 1000000,
    description: 'Refused frames before a connection is closed with 1008',
  },
  {
    key: 'answerGraceMs',
    env: 'ANSWER_GRACE_MS',
    flag: '--answer-grace-ms',
    kind: 'int',
    default: 300,
    min: 0,
    max: 10000,
    description: 'Late answers within this grace still count',
  },
  {
    key: 'hostGraceMs',
    env: 'HOST_GRACE_MS',
    flag: '--host-grace-ms',
    kind: 'int',
    default: 300000,
    min: 1000,
    max: 86400000,
    description: 'How long a room waits for a disconnected host',
  },
  {
    key: 'duelGraceMs',
    env: 'DUEL_GRACE_MS',
    flag: '--duel-grace-ms',
    kind: 'int',
    default: 30000,
    min: 1000,
    max: 3600000,
    description: 'Grace announced when a duel opponent drops',
  },
  {
    key: 'replayBufferSize',
    env: 'REPLAY_BUFFER_SIZE',
    flag: '--replay-buffer-size',
    kind: 'int',
    default: 256,
    min: 1,
    max: 100000,
    description: 'Events kept per room for replay on resume',
  },
  {
    key: 'idleRoomMs',
    env: 'IDLE_ROOM_MS',
    flag: '--idle-room-ms',
    kind: 'int',
    default: 1800000,
    min: 1000,
    max: 604800000,
    description: 'Rooms without activity are closed after this',
  },
  {
    key: 'finishedRoomMs',
    env: 'FINISHED_ROOM_MS',
    flag: '--finished-room-ms',
    kind: 'int',
    default: 600000,
    min: 1000,
    max: 604800000,
    description: 'Finished rooms are kept this long for resume and results',
  },
  {
    key: 'heartbeatMs',
    env: 'HEARTBEAT_MS',
    flag: '--heartbeat-ms',
    kind: 'int',
    default: 30000,
    min: 1000,
    max: 600000,
    description: 'WebSocket ping interval; silent sockets are reaped',
  },
  {
    key: 'maxBufferedBytes',
    env: 'MAX_BUFFERED_BYTES',
    flag: '--max-buffered-bytes',
    kind: 'int',
    default: 1048576,
    min: 1024,
    max: 1073741824,
    description: 'A socket buffering more than this is dropped (it resyncs)',
  },
  {
    key: 'throttleAbovePlayers',
    env: 'THROTTLE_ABOVE_PLAYERS',
    flag: '--throttle-above-players',
    kind: 'int',
    default: 50,
    min: 0,
    max: 1000000,
    description: 'Rooms bigger than this coalesce lobby and histogram updates',
  },
  {
    key: 'histogramMs',
    env: 'HISTOGRAM_MS',
    flag: '--histogram-ms',
    kind: 'int',
    default: 100,
    min: 10,
    max: 10000,
    description:
      'Coalescing window for the live histogram in throttled rooms (it goes to host and screens only)',
  },
  {
    key: 'throttleMs',
    env: 'THROTTLE_MS',
    flag: '--throttle-ms',
    kind: 'int',
    default: 200,
    min: 10,
    max: 10000,
    description: 'Coalescing window for throttled updates',
  },
  {
    key: 'llmBaseUrl',
    env: 'LLM_BASE_URL',
    flag: '--llm-base-url',
    kind: 'string',
    default: undefined,
    description: 'OpenAI-compatible endpoint; unset = built-in bank only',
  },
  {
    key: 'llmApiKey',
    env: 'LLM_API_KEY',
    flag: '--llm-api-key',
    kind: 'string',
    default: undefined,
    description: 'API key for the LLM endpoint (never logged)',
    secret: true,
  },
  {
    key: 'llmModel',
    env: 'LLM_MODEL',
    flag: '--llm-model',
    kind: 'string',
    default: undefined,
    description: 'Model name',
  },
  {
    key: 'llmTimeoutMs',
    env: 'LLM_TIMEOUT_MS',
    flag: '--llm-timeout-ms',
    kind: 'int',
    default: 20000,
    min: 1000,
    max: 600000,
    description: 'Deadline for one whole generation',
  },
  {
    key: 'llmStallMs',
    env: 'LLM_STALL_MS',
    flag: '--llm-stall-ms',
    kind: 'int',
    default: 8000,
    min: 100,
    max: 600000,
    description: 'Longest wait between two generated questions',
  },
  {
    key: 'llmStructuredOutputs',
    env: 'LLM_STRUCTURED_OUTPUTS',
    flag: '--llm-structured-outputs',
    kind: 'bool',
    default: true,
    description: 'Provider supports JSON-schema output (false: json_object + prompt)',
  },
  {
    key: 'dataDir',
    env: 'DATA_DIR',
    flag: '--data-dir',
    kind: 'string',
    default: undefined,
    description: 'Folder for extra question-bank files (*.json)',
  },
];

/** The configuration with every default applied. */
export function defaultConfig(): ServerConfig {
  const config = {} as Record<string, unknown>;
  for (const o of OPTIONS) config[o.key] = Array.isArray(o.default) ? [...o.default] : o.default;
  return config as unknown as ServerConfig;
}

/** Thrown for invalid configuration; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function convert(o: OptionSpec, raw: string, source: string): unknown {
  switch (o.kind) {
    case 'int': {
      if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`${source} must be an integer, got "${raw}"`);
      const n = Number(raw);
      if ((o.min !== undefined && n < o.min) || (o.max !== undefined && n > o.max)) {
        throw new ConfigError(`${source} must be between ${o.min} and ${o.max}, got ${n}`);
      }
      return n;
    }
    case 'bool':
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      throw new ConfigError(`${source} must be true or false, got "${raw}"`);
    case 'list': {
      const list = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length === 0) throw new ConfigError(`${source} must list at least one origin or "*"`);
      for (const origin of list) {
        if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
          throw new ConfigError(`${source}: "${origin}" is not an origin like https://example.com`);
        }
      }
      return list;
    }
    case 'level':
      if (!LEVELS.includes(raw))
        throw new ConfigError(`${source} must be one of ${LEVELS.join(', ')}, got "${raw}"`);
      return raw;
    default:
      if (raw.length === 0) throw new ConfigError(`${source} must not be empty`);
      return raw;
  }
}

/**
 * Read configuration from environment variables, then CLI flags (flags win).
 * @throws ConfigError naming the bad variable or flag.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): ServerConfig {
  const config = defaultConfig() as unknown as Record<string, unknown>;
  for (const o of OPTIONS) {
    const raw = env[o.env];
    if (raw !== undefined && raw !== '') config[o.key] = convert(o, raw, o.env);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const o = OPTIONS.find((x) => x.flag === flag);
    if (!o) throw new ConfigError(`unknown option ${flag} (see --help)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ConfigError(`${flag} needs a value`);
    config[o.key] = convert(o, value, flag);
  }
  const result = config as unknown as ServerConfig;
  if (result.llmBaseUrl !== undefined && !/^https?:\/\//.test(result.llmBaseUrl)) {
    throw new ConfigError(`LLM_BASE_URL must be an http(s) URL, got "${result.llmBaseUrl}"`);
  }
  if (result.secret !== undefined && result.secret.length < 16) {
    throw new ConfigError('QUIZWIRE_SECRET must be at least 16 characters');
  }
  return result;
}

/** The `--help` text: every option with its variable, flag and default. */
export function helpText(): string {
  const rows = OPTIONS.map((o) => {
    const def = o.secret
      ? '(unset)'
      : o.default === undefined
        ? '(unset)'
        : Array.isArray(o.default)
          ? o.default.join(',')
          : String(o.default);
    return `  ${`${o.flag} <value>`.padEnd(34)} ${o.env.padEnd(24)} ${o.description} [default: ${def}]`;
  });
  return [
    'Usage: quizwire-server [options]',
    '',
    'Runs the Quizwire reference server: WebSocket games at /ws, demo pages at / and /play.',
    'Every option can also be set by its environment variable; flags win.',
    '',
    `  ${'flag'.padEnd(34)} ${'variable'.padEnd(24)} meaning`,
    ...rows,
    `  ${'--help'.padEnd(34)} ${''.padEnd(24)} Show this help`,
  ].join('\n');
}
