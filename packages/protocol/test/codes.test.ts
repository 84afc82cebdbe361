import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CloseCode, ERROR_CODES, ErrorCode, FATAL_CLOSE_CODES, isErrorCode } from '../src/codes.js';
import { errorCode } from '../src/schemas/common.js';

const spec = readFileSync(new URL('../../../docs/protocol/v1.md', import.meta.url), 'utf8');

describe('ErrorCode', () => {
  it('is the closed table of protocol v1', () => {
    expect(Object.keys(ErrorCode)).toEqual([
      'BAD_MESSAGE',
      'UNKNOWN_TYPE',
      'TOO_LARGE',
      'ROOM_NOT_FOUND',
      'ROOM_FULL',
      'NAME_TAKEN',
      'NAME_INVALID',
      'NOT_ALLOWED',
      'WRONG_PHASE',
      'TOO_LATE',
      'ALREADY_ANSWERED',
      'INVALID_ANSWER',
      'INVALID_QUIZ',
      'RATE_LIMITED',
      'UNAUTHORIZED',
      'NO_SESSION',
      'INTERNAL',
      'TIMEOUT',
      'DISCONNECTED',
    ]);
  });

  it('spells every value as its key, so codes read the same in logs and code', () => {
    for (const [key, value] of Object.entries(ErrorCode)) expect(value).toBe(key);
  });

  it('lists every code once in ERROR_CODES', () => {
    expect(ERROR_CODES).toEqual(Object.values(ErrorCode));
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('is the set the error message schema accepts', () => {
    for (const code of ERROR_CODES) expect(errorCode.safeParse(code).success).toBe(true);
    for (const code of ['bad_message', 'OK', '', 'toString', '__proto__']) {
      expect(errorCode.safeParse(code).success).toBe(false);
    }
  });

  it('is documented code by code in the spec', () => {
    for (const code of ERROR_CODES) expect(spec).toMatch(new RegExp(`^\\| \`${code}\` +\\|`, 'm'));
  });
});

describe('isErrorCode', () => {
  it('accepts every protocol code', () => {
    for (const code of ERROR_CODES) expect(isErrorCode(code)).toBe(true);
  });

  it('refuses other strings, including near misses and Object members', () => {
    for (const value of [
      '',
      'bad_message',
      'BAD_MESSAGE ',
      'OK',
      'toString',
      'constructor',
      '__proto__',
      'length',
    ]) {
      expect(isErrorCode(value)).toBe(false);
    }
  });

  it('refuses values that are not strings, even when they print like a code', () => {
    const lookalike = { toString: () => 'BAD_MESSAGE' };
    for (const value of [
      undefined,
      null,
      0,
      true,
      {},
      [],
      ['BAD_MESSAGE'],
      lookalike,
      Symbol('BAD_MESSAGE'),
    ]) {
      expect(isErrorCode(value)).toBe(false);
    }
    expect(isErrorCode(new String('BAD_MESSAGE'))).toBe(false);
  });
});

describe('CloseCode', () => {
  const values = Object.values(CloseCode) as number[];

  it('is the closed table of protocol v1', () => {
    expect(CloseCode).toEqual({
      NORMAL: 1000,
      POLICY: 1008,
      TOO_BIG: 1009,
      INTERNAL: 1011,
      SERVER_RESTART: 1012,
      UNAUTHORIZED: 4001,
      KICKED: 4002,
      ROOM_CLOSED: 4003,
      REPLACED: 4004,
      SLOW_CONSUMER: 4005,
      HEARTBEAT_TIMEOUT: 4006,
    });
  });

  it('uses every number once', () => {
    expect(new Set(values).size).toBe(values.length);
  });

  it('uses only codes an application may send: RFC 6455 standard codes or the 4000–4999 range', () => {
    // 1005, 1006 and 1015 are reserved: they must never be sent in a close frame.
    const sendable = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014];
    for (const code of values) {
      expect(sendable.includes(code) || (code >= 4000 && code <= 4999), String(code)).toBe(true);
    }
  });

  it('is documented code by code in the spec', () => {
    for (const [name, code] of Object.entries(CloseCode)) {
      expect(spec).toMatch(new RegExp(`^\\| ${code} +\\| \`${name}\` +\\|`, 'm'));
    }
  });
});

describe('FATAL_CLOSE_CODES', () => {
  it('is a subset of the close codes, without duplicates', () => {
    const values = Object.values(CloseCode) as number[];
    for (const code of FATAL_CLOSE_CODES) expect(values).toContain(code);
    expect(new Set(FATAL_CLOSE_CODES).size).toBe(FATAL_CLOSE_CODES.length);
  });

  it('holds the codes after which reconnecting cannot succeed', () => {
    expect([...FATAL_CLOSE_CODES].sort()).toEqual([
      CloseCode.UNAUTHORIZED,
      CloseCode.KICKED,
      CloseCode.ROOM_CLOSED,
      CloseCode.REPLACED,
    ]);
  });

  it('leaves out the codes a client should recover from by reconnecting', () => {
    for (const code of [
      CloseCode.POLICY,
      CloseCode.TOO_BIG,
      CloseCode.INTERNAL,
      CloseCode.SERVER_RESTART,
      CloseCode.SLOW_CONSUMER,
      CloseCode.HEARTBEAT_TIMEOUT,
    ]) {
      expect(FATAL_CLOSE_CODES).not.toContain(code);
    }
  });
});
