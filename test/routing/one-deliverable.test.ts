import { describe, expect, it } from 'vitest';
import { asksForOneDeliverable } from '../../src/routing/text/one-deliverable.js';
import { splitQuoted } from '../../src/routing/text/split-quoted.js';

describe('asksForOneDeliverable', () => {
  it.each([
    "We're launching on the 14th and the rest of the launch is handled. All I need from you today is the features page copy.",
    'big lead gen push next month but today I only need one thing from you: the landing page',
    "For the app launch the only piece I'm missing is the ad copy. Everything else is done.",
  ])('hears one piece of a campaign: %s', (text) => {
    expect(asksForOneDeliverable(text)).toBe(true);
  });

  it.each([
    'run a product launch for v2, the whole campaign',
    'plan our lead gen blitz: landing pages, ads and outreach',
    'we need all the launch assets',
  ])('leaves whole-campaign requests alone: %s', (text) => {
    expect(asksForOneDeliverable(text)).toBe(false);
  });
});

describe('splitQuoted', () => {
  it("keeps an apostrophe between letters inside a single-quoted paste", () => {
    const { request, quoted } = splitQuoted("proofread this pls: 'Our team of expert's are dedicated to the best service in the area'");
    expect(request.trim()).toBe('proofread this pls:');
    expect(quoted).toEqual(["Our team of expert's are dedicated to the best service in the area"]);
  });
});
