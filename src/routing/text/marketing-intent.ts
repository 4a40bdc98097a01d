/**
 * Marketing goals said in plain words, with no marketing vocabulary at all: "get more
 * people through the door", "get my name out there", "grow our sales". Each pattern
 * is a goal of reaching or winning people, which is what marketing is for.
 */
const INTENT_PATTERNS: readonly RegExp[] = [
  /\b(?:get|attract|bring|win|reach|find|drive|pull|grow|increase|boost)\b(?:\s+\w+){0,5}?\s+(?:customers?|clients?|people|locals|buyers|shoppers|users|visitors|traffic|leads|sign[\s-]?ups|subscribers|donors|followers|members|students|guests|patients|diners|bookings|sales|revenue|downloads|installs)\b/i,
  /\bget\s+(?:my|our|the)\s+(?:name|brand|word|business|company|product|app|shop|store)\s+out\b/i,
  /\bin\s+front\s+of\s+(?:more\s+)?(?:people|customers|buyers|locals|the\s+right\s+people)\b/i,
  /\bspread\s+the\s+word\b|\bword\s+of\s+mouth\b|\bget\s+noticed\b|\bstand\s+out\s+from\b/i,
  /\b(?:grow|scale)\s+(?:my|our|the)\s+(?:business|audience|brand|sales|list|following|community|shop|store|practice|agency)\b/i,
  /\bthrough\s+the\s+door\b|\bfoot\s+traffic\b|\bmore\s+(?:orders|sales|customers|clients|bookings)\b/i,
  /\b(?:market|promote|advertise|publicise|publicize)\s+(?:a|an|the|my|our|this|their|his|her)\b/i,
];

/**
 * Signs that the request is about a business the user runs or sells for ("we sell
 * payroll software", "my shop", "our customers"). A word that usually means another
 * domain ("payroll", "dog", "game") is then most likely the product, not the topic.
 */
const BUSINESS_NOUNS =
  'business|company|shop|store|startup|agency|brand|restaurant|cafe|salon|studio|practice|clinic|nonprofit|charity|firm|bakery|gym|app|saas|product|service|centre|center|franchise|venue|hotel|brewery|winery|boutique|school|academy';
const BUSINESS_PATTERNS: readonly RegExp[] = [
  // "we sell payroll software", "I'm selling candles": selling is always a business.
  /\b(?:we|i)(?:'re|'m| are| am)?\s+(?:[\w-]+\s+){0,4}?(?:sell|selling|offer|offering|provide|providing)\b/i,
  // "I run a small bakery", "we started an agency": running something that is a business.
  new RegExp(`\\b(?:we|i)\\s+(?:just\\s+)?(?:run|own|manage|started|founded|launched|built|opened)\\s+(?:a|an|the|my|our)\\s+(?:[\\w-]+\\s+){0,3}?(?:${BUSINESS_NOUNS})\\b`, 'i'),
  // "we're a garden centre", "we are a 6-person team": a plural "we" describing itself is an organisation.
  /\b(?:we're|we\s+are)\s+(?:a|an)\s+(?!bit\b|little\b|lot\b|couple\b)\w/i,
  // "for a plumbing company", "for my cousin's bakery": work done for a business.
  new RegExp(`\\bfor\\s+(?:a|an|my|our|the|this|their)\\s+(?:[\\w'-]+\\s+){0,3}?(?:${BUSINESS_NOUNS}|centre|center|firm|team|brand)\\b`, 'i'),
  /\b(?:our|my)\s+(?:\w+\s+){0,2}?(?:product|products|app|company|business|brand|shop|store|startup|saas|agency|clients|customers|buyers|users|service|services|platform|tool|firm|practice|studio|salon|restaurant|cafe|clinic|nonprofit|charity)\b/i,
  /\b(?:etsy|shopify|amazon\s+store|kickstarter|b2b|b2c|d2c|dtc|saas)\b/i,
  // Organisations that market themselves too: councils, universities, libraries, labs...
  /\b(?:our|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:council|university|college|school|library|museum|theatre|theater|church|hospital|lab|trust|foundation|association|club|venue|festival|charity|nonprofit|non-profit|ngo)'?s?\b(?=.*\b(?:we|our|us|residents|students|members|visitors|donors|patients|customers|clients)\b)/i,
  // Naming a kind of business at all ("the About page of a family-run restaurant").
  /\b(?:restaurant|bakery|cafe|salon|clinic|practice|shop|store|studio|agency|firm)\b/i,
];

/** The business patterns tested in one scan (see anyOf). */
const BUSINESS_CONTEXT = anyOf(BUSINESS_PATTERNS);

export function businessContext(text: string): boolean {
  return BUSINESS_CONTEXT.test(text);
}

/** All the goal patterns as one alternation: most requests state none, and one scan tells. */
const ANY_INTENT = anyOf(INTENT_PATTERNS);

/** How many plain-words marketing goals the request states (0, 1, 2...). */
export function marketingIntent(text: string): number {
  if (!ANY_INTENT.test(text)) return 0;
  let count = 0;
  for (const pattern of INTENT_PATTERNS) if (pattern.test(text)) count++;
  return count;
}

/**
 * Case-insensitive, stateless patterns as one alternation: the text is scanned once
 * instead of once per pattern, and it matches exactly where any one of them would.
 */
function anyOf(patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');
}
