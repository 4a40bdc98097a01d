/**
 * The seven fields of a creative/campaign brief, in the order a brief is written.
 * "No brief, no work": work starts only when all seven are present.
 */
export const BRIEF_FIELDS = ['objective', 'audience', 'keyMessage', 'callToAction', 'successMetric', 'deadline', 'format'] as const;
export type BriefField = (typeof BRIEF_FIELDS)[number];

export const BRIEF_FIELD_INFO: Record<BriefField, { label: string; asks: string; example: string; aliases: readonly string[] }> = {
  objective: {
    label: 'Primary objective',
    asks: 'the single outcome the work must change, with a number',
    example: 'Generate 300 demo requests from mid-market SaaS teams in Q3',
    aliases: ['objective', 'primary objective', 'goal', 'aim'],
  },
  audience: {
    label: 'Target audience',
    asks: 'who exactly the work is for: role, company type or size, situation',
    example: 'Heads of marketing at 50-500 person B2B SaaS companies running paid search',
    aliases: ['audience', 'target audience', 'target', 'who'],
  },
  keyMessage: {
    label: 'Key message',
    asks: 'the one thing the audience should take away, in one sentence',
    example: 'Launch campaigns in a day without waiting on engineering',
    aliases: ['key message', 'message', 'core message', 'main message'],
  },
  callToAction: {
    label: 'Call to action',
    asks: 'the action the reader should take next, starting with a verb',
    example: 'Book a 20-minute demo',
    aliases: ['call to action', 'cta', 'desired action', 'desired call to action'],
  },
  successMetric: {
    label: 'Success metric',
    asks: 'how success is measured: a number with its unit',
    example: '300 demo requests at under $150 cost per request',
    aliases: ['success metric', 'metric', 'kpi', 'success', 'measure of success'],
  },
  deadline: {
    label: 'Deadline',
    asks: 'the date the work must be live, as YYYY-MM-DD',
    example: '2025-09-30',
    aliases: ['deadline', 'due', 'due date', 'launch date', 'date'],
  },
  format: {
    label: 'Format specifications',
    asks: 'the deliverables: channel, size or length, and how many',
    example: '3 LinkedIn single-image ads, 1200x627, headline up to 70 characters',
    aliases: ['format', 'formats', 'format specifications', 'specs', 'deliverables'],
  },
};

export type Brief = Partial<Record<BriefField, string>>;

const ALIAS_TO_FIELD = new Map<string, BriefField>(
  BRIEF_FIELDS.flatMap((field) => BRIEF_FIELD_INFO[field].aliases.map((alias) => [alias, field] as const)),
);

/** Matches a label such as `Call to action`, `CTA` or `success_metric` to its field. */
export function briefFieldForLabel(label: string): BriefField | undefined {
  const key = label
    .trim()
    .toLowerCase()
    .replace(/[_\-*#:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ALIAS_TO_FIELD.get(key) ?? BRIEF_FIELDS.find((f) => f.toLowerCase() === key.replace(/ /g, ''));
}

/**
 * Reads a brief written as text: `Label: value` lines, or Markdown headings (`## Objective`)
 * followed by their paragraph. Unknown labels are returned so the caller can report them.
 */
export function parseBriefText(text: string): { brief: Brief; unknownLabels: string[] } {
  const brief: Brief = {};
  const unknownLabels: string[] = [];
  let current: BriefField | undefined;
  const append = (field: BriefField, value: string) => {
    const trimmed = value.trim();
    if (trimmed === '') return;
    brief[field] = brief[field] ? `${brief[field]} ${trimmed}` : trimmed;
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s*[-*]\s+/, '').trimEnd();
    const heading = /^\s*#{1,6}\s+(.+?)\s*:?\s*$/.exec(line);
    if (heading) {
      current = briefFieldForLabel(heading[1] ?? '');
      if (!current) unknownLabels.push((heading[1] ?? '').trim());
      continue;
    }
    const labelled = /^\s*\**([A-Za-z][A-Za-z _-]{1,40}?)\**\s*:\s*(.*)$/.exec(line);
    if (labelled) {
      const field = briefFieldForLabel(labelled[1] ?? '');
      if (field) {
        current = field;
        append(field, labelled[2] ?? '');
        continue;
      }
    }
    if (current) append(current, line);
  }
  return { brief, unknownLabels };
}
