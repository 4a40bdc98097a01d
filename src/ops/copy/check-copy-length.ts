import { MopsError } from '../../errors/index.js';
import { CHANNEL_LIMIT_IDS, countCharacters, getChannelLimit, type ChannelLimit } from '../channel-limits.js';

export interface CopyLengthItem {
  text: string;
  characters: number;
  /** Characters left before the limit; negative when over. */
  remaining: number;
  passed: boolean;
  problem?: string;
}

export interface CopyLengthResult {
  limit: ChannelLimit;
  items: CopyLengthItem[];
  /** False when there are more texts than the channel allows in one unit. */
  countOk: boolean;
  passed: boolean;
  summary: string;
}

/**
 * Checks one or more texts against a channel limit from CHANNEL_LIMITS: each text's
 * grapheme count (trimmed) against `maxChars`, and the number of texts against `maxCount`.
 * Empty texts fail, since a blank headline is never what the author meant to ship.
 */
export function checkCopyLength(limitId: string, texts: readonly string[]): CopyLengthResult {
  const limit = getChannelLimit(limitId);
  if (!limit) {
    throw new MopsError('INVALID_INPUT', `unknown limit "${limitId}"; expected one of ${CHANNEL_LIMIT_IDS.join(', ')}`);
  }
  const items = texts.map((text): CopyLengthItem => {
    const characters = countCharacters(text);
    const remaining = limit.maxChars - characters;
    if (characters === 0) return { text, characters, remaining, passed: false, problem: 'empty text' };
    if (remaining < 0) {
      return { text, characters, remaining, passed: false, problem: `${-remaining} character(s) over the ${limit.maxChars}-character limit` };
    }
    return { text, characters, remaining, passed: true };
  });
  const countOk = limit.maxCount === undefined || texts.length <= limit.maxCount;
  const failed = items.filter((item) => !item.passed).length;
  const passed = countOk && failed === 0 && items.length > 0;
  const parts = [`${items.length - failed} of ${items.length} text(s) fit ${limit.label} (max ${limit.maxChars} characters)`];
  if (!countOk) parts.push(`${texts.length} texts exceed the maximum of ${limit.maxCount} per unit`);
  return { limit, items, countOk, passed, summary: parts.join('; ') };
}
