import { randomInt } from 'node:crypto';
import { Limits } from '@quizwire/protocol';

// Control, format (zero-width, bidi overrides and isolates) and other invisible characters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u180E]/gu;
const BLOCKLIST = [
  'admin',
  'host',
  'moderator',
  'quizwire',
  'nazi',
  'hitler',
  'fuck',
  'shit',
  'cunt',
  'nigger',
  'faggot',
];

export type NicknameResult = { ok: true; nickname: string; key: string } | { ok: false; reason: string };

/**
 * Normalise a nickname: NFKC, invisible and bidi characters stripped, whitespace collapsed,
 * 1–24 characters (code points), not on the blocklist. `key` compares case-insensitively.
 */
export function normaliseNickname(raw: string): NicknameResult {
  const cleaned = raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  const chars = [...cleaned];
  if (chars.length === 0) return { ok: false, reason: 'nickname is empty' };
  if (chars.length > Limits.MAX_NICKNAME_LENGTH) {
    return { ok: false, reason: `nickname is longer than ${Limits.MAX_NICKNAME_LENGTH} characters` };
  }
  const key = cleaned.toLocaleLowerCase('en');
  const squashed = key.replace(/[^\p{L}\p{N}]/gu, '');
  if (BLOCKLIST.some((word) => squashed === word || (word.length > 4 && squashed.includes(word)))) {
    return { ok: false, reason: 'nickname is not allowed' };
  }
  return { ok: true, nickname: cleaned, key };
}

const ADJECTIVES = [
  'Brave',
  'Clever',
  'Swift',
  'Sunny',
  'Quiet',
  'Lucky',
  'Bold',
  'Witty',
  'Calm',
  'Jolly',
  'Bright',
  'Nimble',
  'Curious',
  'Gentle',
  'Mighty',
  'Cosmic',
];
const ANIMALS = [
  'Otter',
  'Falcon',
  'Panda',
  'Lynx',
  'Koala',
  'Heron',
  'Fox',
  'Badger',
  'Dolphin',
  'Puffin',
  'Gecko',
  'Owl',
  'Tiger',
  'Walrus',
  'Wombat',
  'Yak',
];

/** A friendly random nickname not in `taken` (keys are lower-case). */
export function friendlyName(taken: (key: string) => boolean): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = `${ADJECTIVES[randomInt(ADJECTIVES.length)]} ${ANIMALS[randomInt(ANIMALS.length)]}`;
    const name = attempt < 10 ? base : `${base} ${randomInt(10, 1000)}`;
    if (!taken(name.toLocaleLowerCase('en'))) return name;
  }
  return `Player ${randomInt(100000, 1000000)}`;
}
