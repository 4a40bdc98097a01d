import { beforeAll, describe, expect, it } from 'vitest';
import { loadRouter, type Router } from '../../src/routing/index.js';

const NOT_MARKETING = [
  'book me a flight to Denver on Friday',
  'what is the boiling point of water at altitude',
  'fix the null pointer exception in my Java service',
  'my sourdough starter smells like nail polish, is it dead?',
  'how do I dispute a parking ticket',
  'write a python function that reverses a linked list',
  'recommend a podcast about ancient Rome',
  'what are the symptoms of the flu',
  'help me choose between two used cars',
  'how many vacation days do I get in France',
];

describe('out-of-scope requests', () => {
  let router: Router;
  beforeAll(async () => {
    router = await loadRouter();
  });

  for (const text of NOT_MARKETING) {
    it(`rejects "${text}"`, () => {
      const result = router.route(text);
      expect(result.match).toBeNull();
      expect(result.confidence).toBeGreaterThan(0.5);
      expect(result.reason).toMatch(/not recognised as a marketing task|no marketing task/);
    });
  }

  it('returns nothing to act on for empty or filler text', () => {
    for (const text of ['', '   ', 'thanks!', 'hello there']) {
      const result = router.route(text);
      expect(result.match).toBeNull();
    }
  });

  it('treats words that name JavaScript object properties as plain words', () => {
    for (const text of ['constructor', 'toString valueOf', '__proto__ hasOwnProperty', 'write a constructor for my class']) {
      expect(() => router.route(text)).not.toThrow();
      expect(router.route(text).match).toBeNull();
    }
  });

  it('keeps marketing requests that use everyday words', () => {
    expect(router.route('nobody reads our newsletter, what should we change').match).not.toBeNull();
    expect(router.route('how do I get my bakery in front of more locals').match).not.toBeNull();
  });
});
