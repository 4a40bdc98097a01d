import { beforeAll, describe, expect, it } from 'vitest';
import { loadRouter, type Router } from '../../src/routing/index.js';

/**
 * The routing matrix of the marketing-ops seed: every "User Says" phrase goes to its
 * "Route To" skill and never to the skill named in "Not This". Each row also gets a
 * paraphrase, since users rarely type the matrix's exact words.
 */
const MATRIX: Array<{ says: string[]; to: string; notTo: string }> = [
  { says: ['Write a blog post', 'content ideas', 'what should I write'], to: 'content-strategy', notTo: 'copywriting' },
  { says: ['Write copy for my homepage', 'landing page copy', 'headline'], to: 'copywriting', notTo: 'content-strategy' },
  { says: ['Edit this copy', 'proofread', 'polish this'], to: 'copy-editing', notTo: 'copywriting' },
  { says: ['Social media post', 'LinkedIn post', 'tweet'], to: 'social-content', notTo: 'content-strategy' },
  { says: ['Write an article end-to-end', 'content production'], to: 'content-production', notTo: 'content-strategy' },
  { says: ['Sounds too robotic', 'make it human', 'AI watermarks'], to: 'content-humanizer', notTo: 'copy-editing' },
  { says: ['Marketing ideas', 'brainstorm', 'what else can I try'], to: 'marketing-ideas', notTo: 'content-strategy' },
  { says: ['SEO audit', 'technical SEO', 'on-page SEO'], to: 'seo-specialist', notTo: 'ai-seo' },
  { says: ['AI search', 'ChatGPT visibility', 'Perplexity', 'GEO'], to: 'ai-seo', notTo: 'seo-specialist' },
  { says: ['Landing page', 'campaign page', 'lead capture page'], to: 'landing-page-generator', notTo: 'copywriting' },
  { says: ['Brand guidelines', 'style guide', 'brand voice'], to: 'brand-guidelines', notTo: 'marketing-context' },
  { says: ['Paid ads', 'Google Ads', 'Meta ads', 'ad campaign'], to: 'paid-ads', notTo: 'ad-creative' },
  { says: ['Ad copy', 'ad headlines', 'ad variations', 'RSA'], to: 'ad-creative', notTo: 'paid-ads' },
  { says: ['Cold email', 'outreach', 'prospecting email'], to: 'cold-email', notTo: 'content-production' },
  { says: ['Marketing context', 'who is my customer', 'ICP'], to: 'marketing-context', notTo: 'brand-guidelines' },
  { says: ['Marketing strategy', 'how to market'], to: 'marketing-ideas', notTo: 'marketing-ops' },
  { says: ['Psychology', 'persuasion', 'why people buy'], to: 'marketing-psychology', notTo: 'copywriting' },
];

const PARAPHRASES: Array<{ text: string; to: string; notTo: string }> = [
  { text: 'give me some topics we could blog about next month', to: 'content-strategy', notTo: 'copywriting' },
  { text: 'rewrite the hero section on our homepage so visitors get what we do', to: 'copywriting', notTo: 'content-strategy' },
  { text: 'can you tighten up and fix typos in this paragraph I already wrote', to: 'copy-editing', notTo: 'copywriting' },
  { text: 'draft three LinkedIn posts announcing our new integration', to: 'social-content', notTo: 'content-strategy' },
  { text: 'research and write a complete 2,000 word guide on onboarding best practices', to: 'content-production', notTo: 'content-strategy' },
  { text: 'this newsletter reads like ChatGPT wrote it, make it sound like a real person', to: 'content-humanizer', notTo: 'copy-editing' },
  { text: "we've tried everything, give me fresh growth ideas for a bootstrapped app", to: 'marketing-ideas', notTo: 'content-strategy' },
  { text: 'our site has crawl errors and slow pages, run a technical audit', to: 'seo-specialist', notTo: 'ai-seo' },
  { text: 'how do we get Perplexity and Gemini to cite our product in answers', to: 'ai-seo', notTo: 'seo-specialist' },
  { text: 'build a lead capture page for our webinar with a signup form', to: 'landing-page-generator', notTo: 'copywriting' },
  { text: 'document how our brand should sound and which words we never use', to: 'brand-guidelines', notTo: 'marketing-context' },
  { text: 'set up a Google Ads campaign with targeting and a daily budget for our bakery', to: 'paid-ads', notTo: 'ad-creative' },
  { text: 'write 15 responsive search ad headlines for our CRM', to: 'ad-creative', notTo: 'paid-ads' },
  { text: 'write a prospecting sequence to heads of IT who have never heard of us', to: 'cold-email', notTo: 'content-production' },
  { text: 'help me define our ideal customer profile and buyer personas', to: 'marketing-context', notTo: 'brand-guidelines' },
  { text: "how should I market my new dog-walking business? I've no strategy yet", to: 'marketing-ideas', notTo: 'marketing-ops' },
  { text: 'which cognitive biases make shoppers pick the middle pricing plan', to: 'marketing-psychology', notTo: 'copywriting' },
];

describe('routing matrix', () => {
  let router: Router;
  beforeAll(async () => {
    router = await loadRouter();
  });

  for (const row of MATRIX) {
    for (const says of row.says) {
      it(`"${says}" → ${row.to}, not ${row.notTo}`, () => {
        const result = router.route(says);
        expect(result.match).toEqual({ type: 'skill', id: row.to });
        expect(result.reason).toContain(row.to);
      });
    }
  }

  for (const p of PARAPHRASES) {
    it(`paraphrase "${p.text}" → ${p.to}, not ${p.notTo}`, () => {
      expect(router.route(p.text).match).toEqual({ type: 'skill', id: p.to });
    });
  }

  it('explains a Not This decision in the reason', () => {
    const result = router.route('write ad headlines for our spring sale');
    expect(result.match?.id).toBe('ad-creative');
    expect(result.reason).toMatch(/matched "[^"]*headline/);
  });

  it('honours what the request rules out', () => {
    expect(router.route('Not a style guide. I need the basics first: who our customer is and their pains.').match?.id).toBe('marketing-context');
    expect(router.route("Grammar is fine, I don't need proofreading. It just reads like AI wrote it.").match?.id).toBe('content-humanizer');
  });
});
