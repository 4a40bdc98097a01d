import { beforeAll, describe, expect, it } from 'vitest';
import { loadRouter, RouteResultSchema, type Router } from '../../src/routing/index.js';

describe('route results', () => {
  let router: Router;
  beforeAll(async () => {
    router = await loadRouter();
  });

  it('always matches the DESIGN.md contract', () => {
    for (const text of ['write a LinkedIn post about our launch', 'run a product launch for v2', 'book me a flight', 'headline']) {
      const result = router.route(text);
      expect(RouteResultSchema.parse(result)).toEqual(result);
      for (const alt of result.alternatives) expect(alt.score).toBeLessThanOrEqual(1);
    }
  });

  it('ranks alternatives below the match, strongest first', () => {
    const result = router.route('write ad headlines and set the budget for our Google campaign');
    const scores = result.alternatives.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of scores) expect(s).toBeLessThanOrEqual(result.confidence);
  });

  it('proposes a playbook for a whole campaign and a skill for one deliverable', () => {
    expect(router.route('run a product launch for v2, the whole campaign').match).toEqual({ type: 'playbook', id: 'product-launch' });
    expect(router.route('plan and run a full lead generation blitz this quarter: pages, ads, outbound').match).toEqual({
      type: 'playbook',
      id: 'lead-gen-blitz',
    });
    expect(router.route('write the LinkedIn post announcing v2').match).toEqual({ type: 'skill', id: 'social-content' });
  });

  it('is deterministic', () => {
    const text = 'our homepage copy is bland, make it punchier';
    expect(router.route(text)).toEqual(router.route(text));
  });

  it('asks a clarifying question when a marketing request is too vague to act on', () => {
    const result = router.route('ads');
    expect(result.match).toBeNull();
    expect(result.reason).toMatch(/too little to act on: it could be skill \S+ or skill \S+/);
    expect(result.question).toMatch(/^Which do you need: [a-z-]+ \(.+\), or [a-z-]+ \(.+\)\?$/);
    expect(router.route('book me a flight to Lisbon').question).toBeUndefined();
  });

  it('repairs typos but leaves real words alone', () => {
    expect(router.route('wirte a linkdin post about our procuct launch').match?.id).toBe('social-content');
    expect(router.index.analyser.words('files selling plants')).toEqual(['files', 'selling', 'plants']);
  });
});
