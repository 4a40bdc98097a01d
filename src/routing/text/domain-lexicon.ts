/**
 * How strongly a word signals a marketing task, independent of which skill it points to.
 * The router asks "is this marketing at all?" with these weights and "which skill?" with
 * the triggers. Words are written as users write them (after synonym mapping); they are
 * stemmed when the lexicon is built. 1 = unmistakably marketing; lower = also common
 * outside marketing ("post", "launch", "test").
 */
export const MARKETING_TERMS: Readonly<Record<string, number>> = {
  // The discipline itself.
  marketing: 1, marketer: 1, marketers: 1, advertising: 1, advertise: 1, promotion: 0.7, promote: 0.7,
  brand: 0.5, branding: 1, rebrand: 1, campaign: 0.6, campaigns: 0.6, gotomarket: 1, positioning: 1,
  messaging: 0.4, proposition: 0.8, differentiation: 0.8, competitor: 0.6, competitors: 0.6, audience: 0.5,
  customer: 0.4, customers: 0.4, buyer: 0.4, buyers: 0.4, persona: 1, icp: 1, segment: 0.5, niche: 0.4,
  awareness: 0.7, launch: 0.5, announce: 0.4, announcement: 0.4, growth: 0.5, acquisition: 0.5,
  retention: 0.4, churn: 0.4, referral: 0.5, loyalty: 0.4, sponsorship: 0.6, influencer: 0.9, pr: 0.5,
  // Content and copy.
  copy: 0.5, copywriting: 1, copyedit: 1, proofread: 0.6, headline: 0.6, tagline: 0.9, slogan: 0.9, cta: 1,
  content: 0.6, blog: 0.8, article: 0.4, newsletter: 0.7, ebook: 0.6, whitepaper: 0.8, casestudy: 0.8,
  testimonial: 0.8, webinar: 0.7, editorial: 0.7, pillar: 0.5, storytelling: 0.6, humanize: 0.6, robotic: 0.4,
  // Web and conversion.
  landingpage: 1, homepage: 0.7, productpage: 0.8, signup: 0.5, optin: 0.8, popup: 0.5, squeeze: 0.6, conversion: 0.8,
  convert: 0.5, cro: 1, funnel: 0.6, abtest: 0.7, checkout: 0.4, pricing: 0.5, trial: 0.4, demo: 0.4,
  leadgen: 1, leadmagnet: 1, lead: 0.5, leads: 0.8, prospecting: 0.8, outreach: 0.8, outbound: 0.8, inbound: 0.8,
  // Search.
  seo: 1, keyword: 0.7, keywords: 0.7, backlink: 0.9, serp: 1, ranking: 0.6, rankings: 0.7, metatitle: 1,
  metadescription: 1, schemamarkup: 0.8, corewebvitals: 0.8, geo: 0.8, aioverview: 1, chatgpt: 0.7,
  perplexity: 0.8, aiassistant: 0.4, llm: 0.4, organic: 0.6, traffic: 0.6,
  // Channels.
  social: 0.7, linkedin: 0.8, tweet: 0.7, instagram: 0.7, facebook: 0.6, tiktok: 0.7, pinterest: 0.6,
  youtube: 0.3, caption: 0.7, hashtag: 0.9, followers: 0.7, engagement: 0.7, viral: 0.6, post: 0.25,
  ad: 0.6, ppc: 1, googleads: 1, paidsocial: 1, paidsearch: 1, retargeting: 1, remarketing: 1, rsa: 1,
  roas: 1, cpa: 1, ctr: 1, cpm: 1, impressions: 0.8, bidding: 0.6, budget: 0.3,
  email: 0.4, subject: 0.2, preheader: 1, deliverability: 0.8, nurture: 0.8, drip: 0.6, sequence: 0.4,
  coldcall: 0.6,
  // Strategy and psychology.
  strategy: 0.4, persuasion: 0.8, psychology: 0.6, scarcity: 0.8, urgency: 0.5, anchoring: 0.6, bias: 0.3,
  nudge: 0.6, brandvoice: 1, styleguide: 0.8, tone: 0.3, guidelines: 0.3,
  // Measurement and operations.
  analytics: 0.6, attribution: 0.7, utm: 1, kpi: 0.7, metric: 0.3, dashboard: 0.4, report: 0.2,
  martech: 1, crm: 0.8, mql: 1, sql: 0.2, leadscoring: 1, automation: 0.4, workflow: 0.2, datahygiene: 0.8,
  pipeline: 0.3, roi: 0.5, ltv: 0.6, cac: 0.8, b2b: 0.6, b2c: 0.6, saas: 0.4, ecommerce: 0.4, shopify: 0.4,
  // Tools of the trade (see WORD_SYNONYMS) and vocabulary made of everyday words (PHRASE_SYNONYMS).
  emailtool: 0.8, martechtool: 0.8, analyticstool: 0.8, seotool: 1, aboutpage: 0.8, pressrelease: 0.9,
  pmax: 1, shoppingads: 1, boostpost: 1, ratemetric: 0.8, subjectline: 0.9, localprofile: 0.9, adspend: 1,
  herosection: 0.9, videoscript: 0.7, ugc: 1, marketingevent: 0.5,
  // Marketing words not covered above.
  microsite: 0.9, infographic: 0.8, listicle: 0.9, carousel: 0.6, reels: 0.8, reel: 0.6, hashtags: 0.9,
  billboard: 0.8, flyer: 0.7, flyers: 0.7, leaflet: 0.6, leaflets: 0.6, brochure: 0.7, poster: 0.5, jingle: 0.8,
  sponsored: 0.6, affiliate: 0.7, affiliates: 0.7, ambassador: 0.5, waitlist: 0.6, giveaway: 0.8, rebranding: 1,
  logo: 0.4, mailer: 0.7, mailers: 0.7, teaser: 0.6, gated: 0.6, upsell: 0.6, crosssell: 0.6, onboarding: 0.3,
  donors: 0.4, fundraising: 0.5, footfall: 0.8, publicity: 0.9, pitch: 0.3,
};

/**
 * Words that mark a request as something other than marketing (code, travel, health,
 * personal finance, job hunting...). They count against the marketing evidence, so a
 * stray marketing word ("write a cover letter for a marketing job") does not carry it.
 */
export const OFF_DOMAIN_TERMS: Readonly<Record<string, number>> = {
  // Software and IT.
  python: 1, javascript: 1, typescript: 1, java: 0.8, rust: 0.6, golang: 1, bash: 1, powershell: 1, dockerfile: 1,
  docker: 1, kubernetes: 1, css: 0.8, html: 0.5, react: 0.6, nextjs: 1, node: 0.4, compile: 1, compiler: 1,
  debug: 1, debugging: 1, stacktrace: 1, typeerror: 1, exception: 0.8, hydration: 1, npm: 1, git: 1, github: 0.6,
  repo: 0.8, regex: 1, jest: 1, unittest: 1, linux: 1, windows: 0.5, macos: 0.8, terminal: 0.8, database: 0.5,
  postgres: 1, mysql: 1, query: 0.8, queries: 0.8, variable: 0.8, function: 0.5, algorithm: 0.8, eslint: 1,
  endpoint: 0.6, deploy: 0.6, deployment: 0.6, server: 0.5, production: 0.3, bug: 0.7, crash: 0.6, refactor: 1,
  model: 0.2, ml: 0.8, neural: 1, laptop: 0.8, wifi: 1, printer: 1, router: 0.6, outlook: 0.6, gmail: 0.5,
  spreadsheet: 0.4, excel: 0.5, formula: 0.5, password: 0.8, install: 0.5, driver: 0.5,
  // Jobs and HR (the user's own employment, not a market).
  resume: 1, cv: 1, coverletter: 1, salary: 1, interview: 0.6, resignation: 1, payroll: 1, employee: 0.6,
  reference: 0.5, raise: 0.3, manager: 0.3, performance: 0.2, review: 0.1, barista: 0.6, hiring: 0.5,
  // Politics and civic life.
  election: 1, council: 0.8, candidate: 0.6, voters: 0.8, vote: 0.8, ballot: 1, finance: 0.4, volunteer: 0.4,
  legislation: 1, senator: 1, congress: 1, parliament: 1,
  // Travel, home and everyday life.
  flight: 1, flights: 1, hotel: 0.8, itinerary: 1, visa: 1, passport: 1, vacation: 0.8, trip: 0.6, airport: 1,
  recipe: 1, cook: 0.8, cooking: 0.8, bake: 0.8, oven: 1, boil: 1, calories: 1, diet: 0.8, workout: 1, gym: 0.4,
  dog: 0.8, cat: 0.6, puppy: 0.8, vet: 0.8, garden: 0.8, plants: 0.5, weather: 1, wedding: 0.5, birthday: 0.6,
  doctor: 1, symptom: 1, symptoms: 1, medicine: 1, pregnant: 1, headache: 1, fever: 1, dentist: 0.6,
  carpet: 0.8, plumbing: 1, leak: 0.4, furniture: 0.3, apartment: 0.6, rent: 0.5, mortgage: 1, car: 0.5,
  // Personal finance, legal, school, science.
  tax: 0.6, taxes: 0.8, ira: 1, loan: 0.8, loans: 0.8, invest: 0.6, stocks: 0.8, crypto: 0.6, currency: 1,
  exchange: 0.5, euros: 0.8, dollars: 0.4, lawsuit: 1, divorce: 1, landlord: 1, tenant: 1, custody: 1,
  homework: 1, thesis: 1, essay: 0.8, exam: 1, math: 1, equation: 1, calculate: 0.6, volume: 0.4, cone: 1,
  physics: 1, chemistry: 1, biology: 1, history: 0.4, translate: 0.8,
  // Games, hobbies and relationships.
  game: 0.5, gaming: 0.6, walkthrough: 1, novel: 0.6, dnd: 1, dungeons: 1, dragons: 0.6, chess: 1,
  jobpost: 1, perfreview: 1, exchangerate: 1, politicalcampaign: 1, jewellery: 1, newsheadlines: 0.6, copyrightlicence: 1,
  engineer: 0.6, inboxchore: 1, builderror: 1, error: 0.8, module: 0.5, rows: 0.8, column: 0.6, table: 0.3,
  gbp: 1, eur: 1, usd: 0.8, jpy: 1, cad: 0.6, aud: 0.6, reliable: 0.4,
  girlfriend: 1, boyfriend: 1, husband: 0.8, wife: 0.8, friend: 0.4, mom: 0.6, dad: 0.6, kids: 0.3,
};
