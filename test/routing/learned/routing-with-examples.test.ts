import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/routing/create-router.js';
import { withoutExamples } from '../../../src/routing/eval/router-blind-to.js';
import type { RoutingCandidate } from '../../../src/routing/routing-candidate.js';

const skill = (id: string, description: string, triggers: string[], examples: string[] = []): RoutingCandidate => ({
  type: 'skill',
  id,
  category: 'content',
  name: id,
  description,
  triggers,
  not: [],
  examples,
});

const WRITER = skill('newsletter-writer', 'Writes the monthly customer newsletter.', ['write our newsletter', 'newsletter draft']);
const ANALYST = skill('newsletter-analyst', 'Reads newsletter results and explains them.', ['newsletter report', 'newsletter performance']);
const REQUEST = 'fewer and fewer people open the newsletter every month, what is going on?';

describe('routing with example requests', () => {
  it('sends a request worded like a skill\'s examples to that skill, and says so', () => {
    const examples = ['why do fewer people open our newsletter now', 'our open rate keeps going down, what changed', 'people stopped clicking the newsletter links'];
    const without = createRouter([WRITER, ANALYST]).route(REQUEST);
    const withExamples = createRouter([WRITER, skill(ANALYST.id, ANALYST.description, ANALYST.triggers, examples)]).route(REQUEST);
    expect(withExamples.match).toEqual({ type: 'skill', id: 'newsletter-analyst' });
    expect(withExamples.confidence).toBeGreaterThan(without.match?.id === 'newsletter-analyst' ? without.confidence : 0);
    expect(withExamples.reason).toMatch(/worded (like|more like)/);
  });

  it('does not let examples turn a request from another domain into a match', () => {
    const analyst = skill(ANALYST.id, ANALYST.description, ANALYST.triggers, ['what is going on with our numbers every month']);
    expect(createRouter([WRITER, analyst]).route('what is going on with the weather this month').match).toBeNull();
  });

  it('holds out a labelled set\'s own requests from training, whatever their case and spacing', () => {
    const analyst = skill(ANALYST.id, ANALYST.description, ANALYST.triggers, ['Why do fewer people open our newsletter?', 'newsletter report for May']);
    const [held] = withoutExamples([analyst], ['  why do fewer  people open our NEWSLETTER? ']);
    expect(held!.examples).toEqual(['newsletter report for May']);
  });
});
