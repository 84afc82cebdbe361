import type { ServerMessage } from '@quizwire/protocol';
import { describe, expect, it } from 'vitest';
import { createSync } from '../src/sync.js';
import { lobby, snapshot } from './helpers/messages.js';

function setup() {
  const batches: number[][] = [];
  let resumes = 0;
  const sync = createSync({
    apply: (messages: ServerMessage[]) => batches.push(messages.map((m) => ('seq' in m ? m.seq : -1))),
    resume: () => resumes++,
  });
  return { sync, batches, resumes: () => resumes };
}

describe('sync', () => {
  it('holds events until the first snapshot gives it a baseline', () => {
    const { sync, batches } = setup();
    sync.receive(lobby(6, 2));
    expect(batches).toEqual([]);
    sync.receive(snapshot(5));
    expect(batches).toEqual([[5, 6]]);
    expect(sync.lastSeq).toBe(6);
    expect(sync.holding).toBe(false);
  });

  it('applies the next event at once and drops events it has already seen', () => {
    const { sync, batches } = setup();
    sync.receive(snapshot(5));
    sync.receive(lobby(6, 2));
    sync.receive(lobby(6, 2));
    sync.receive(lobby(4, 2));
    expect(batches).toEqual([[5], [6]]);
  });

  it('asks for a resume on a gap and holds what follows', () => {
    const { sync, batches, resumes } = setup();
    sync.receive(snapshot(5));
    sync.receive(lobby(8, 2));
    sync.receive(lobby(9, 2));
    expect(resumes()).toBe(1);
    expect(sync.holding).toBe(true);
    expect(batches).toEqual([[5]]);
  });

  it('applies replayed and held events in seq order in one batch once the resume completes', () => {
    const { sync, batches, resumes } = setup();
    sync.receive(snapshot(5));
    sync.receive(lobby(8, 2));
    sync.begin();
    // The replay: 6, 7, 8 again (a duplicate of the held one), 9.
    for (const seq of [6, 7, 8, 9]) sync.receive(lobby(seq, 2));
    expect(batches).toEqual([[5]]);
    sync.resumed(true);
    expect(batches).toEqual([[5], [6, 7, 8, 9]]);
    expect(resumes()).toBe(1);
    expect(sync.lastSeq).toBe(9);
  });

  it('asks again when the replay still leaves a hole', () => {
    const { sync, resumes } = setup();
    sync.receive(snapshot(5));
    sync.begin();
    sync.receive(lobby(7, 2));
    sync.resumed(true);
    expect(resumes()).toBe(1);
    expect(sync.holding).toBe(true);
  });

  it('lets a snapshot replace the held stream when the server cannot replay', () => {
    const { sync, batches } = setup();
    sync.receive(snapshot(5));
    sync.begin();
    sync.receive(lobby(3, 2));
    sync.receive(snapshot(40));
    sync.receive(lobby(41, 2));
    sync.resumed(false);
    expect(batches).toEqual([[5], [40], [41]]);
  });

  it('applies personal state that arrived while holding after the held events, in the same batch', () => {
    const { sync, batches } = setup();
    sync.receive(snapshot(5));
    sync.begin();
    sync.receive(lobby(6, 2));
    sync.receive({ type: 'player.standing', score: 0, rank: 1, streak: 0, total: 2, last: null });
    expect(batches).toEqual([[5]]);
    sync.resumed(true);
    expect(batches).toEqual([[5], [6, -1]]);
  });

  it('starts over after reset', () => {
    const { sync, batches } = setup();
    sync.receive(snapshot(5));
    sync.reset();
    expect(sync.lastSeq).toBe(-1);
    sync.receive(lobby(6, 2));
    expect(batches).toEqual([[5]]);
  });
});
