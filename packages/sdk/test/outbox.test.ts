import type { Command } from '@quizwire/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { QuizError } from '../src/errors.js';
import { createOutbox, type OutboxEntry } from '../src/outbox.js';
import { FakeTimers } from './helpers/fake-timers.js';

function entry(id: string): OutboxEntry & { results: unknown[]; errors: QuizError[] } {
  const results: unknown[] = [];
  const errors: QuizError[] = [];
  return {
    message: { type: 'quiz.start', id } as Command,
    tries: 0,
    resolve: (r) => results.push(r),
    reject: (e) => errors.push(e),
    results,
    errors,
  };
}

describe('outbox', () => {
  it('keeps outgoing commands apart from pending ones until they are flushed', () => {
    const outbox = createOutbox({ timers: new FakeTimers(), timeoutMs: 1000 });
    outbox.add(entry('a'));
    outbox.add(entry('b'));
    expect(outbox.resend()).toEqual([]);
    expect(outbox.flush().map((e) => e.message.id)).toEqual(['a', 'b']);
    outbox.add(entry('c'));
    expect(outbox.resend().map((e) => e.message.id)).toEqual(['a', 'b']);
    expect(outbox.flush().map((e) => e.message.id)).toEqual(['c']);
  });

  it('resends only pending commands, with their ids, and counts the tries', () => {
    const outbox = createOutbox({ timers: new FakeTimers(), timeoutMs: 1000 });
    const a = entry('a');
    outbox.add(a);
    outbox.flush();
    outbox.resend();
    const again = outbox.resend();
    expect(again.map((e) => e.message.id)).toEqual(['a']);
    expect(a.tries).toBe(3);
  });

  it('rejects a command with TIMEOUT when no reply arrives in time, and forgets it', () => {
    const timers = new FakeTimers();
    const outbox = createOutbox({ timers, timeoutMs: 1000 });
    const a = entry('a');
    outbox.add(a);
    outbox.flush();
    timers.advance(999);
    expect(a.errors).toEqual([]);
    timers.advance(1);
    expect(a.errors.map((e) => e.code)).toEqual(['TIMEOUT']);
    expect(outbox.all()).toEqual([]);
    expect(outbox.take('a')).toBeUndefined();
  });

  it('clears the timeout of a command whose reply arrived', () => {
    const timers = new FakeTimers();
    const outbox = createOutbox({ timers, timeoutMs: 1000 });
    outbox.add(entry('a'));
    expect(timers.pending).toBe(1);
    expect(outbox.take('a')?.message.id).toBe('a');
    expect(timers.pending).toBe(0);
  });

  it('refuses a command at once when the outbox is full', () => {
    const outbox = createOutbox({ timers: new FakeTimers(), timeoutMs: 1000, limit: 2 });
    outbox.add(entry('a'));
    outbox.add(entry('b'));
    const c = entry('c');
    outbox.add(c);
    expect(c.errors.map((e) => e.code)).toEqual(['RATE_LIMITED']);
    expect(outbox.all()).toHaveLength(2);
  });

  it('rejects every command, pending and outgoing, on rejectAll and reports the change', () => {
    const onChange = vi.fn();
    const timers = new FakeTimers();
    const outbox = createOutbox({ timers, timeoutMs: 1000, onChange });
    const a = entry('a');
    const b = entry('b');
    outbox.add(a);
    outbox.flush();
    outbox.add(b);
    onChange.mockClear();
    outbox.rejectAll({ code: 'DISCONNECTED' } as QuizError);
    expect([...a.errors, ...b.errors].map((e) => e.code)).toEqual(['DISCONNECTED', 'DISCONNECTED']);
    expect(onChange).toHaveBeenCalledOnce();
    expect(timers.pending).toBe(0);
  });
});
