/**
 * Tasks that belong to another department even when they name marketing people or
 * marketing words: hiring and managing staff ("a job description for a content
 * marketer"), applying for a job, contracts and legal questions ("review the NDA with
 * our ad agency"), invoices, tax, company budgets, IT work, office life, and personal or
 * creative writing ("a poem", "a wedding speech for my brother, a copywriter"). The marketing words in such
 * a request say who is involved, not what the work is, so when one of these tasks is
 * what the request asks for, the request is not a marketing task at all.
 *
 * Each pattern names the task itself, not a topic: "invoice" is finance, but "trademark"
 * alone may be a brand-guidelines question, so only "trademark infringement" is here; and
 * "payroll software" or "invoice automation" is often the product being marketed.
 */
/** A task pattern, tried only when one of its words is in the request (a cheap first test). */
interface OffDomainTask {
  words: readonly string[];
  pattern: RegExp;
}

const OFF_DOMAIN_TASKS: readonly OffDomainTask[] = [
  // Hiring, managing and paying people.
  {
    words: ['job'],
    pattern: /\bjob\s+(?:ads?|adverts?|advertisements?|descriptions?|postings?|listings?|specs?|offers?|interviews?)\b/i,
  },
  {
    words: ['performance', 'annual', 'mid', 'midyear', 'year', 'appraisal', 'appraisals'],
    pattern: /\b(?:performance|annual|mid-?year)\s+(?:reviews?|appraisals?)\b|\bperformance\s+improvement\s+plan\b|\bappraisals?\b/i,
  },
  {
    words: ['termination', 'resignation', 'dismissal', 'severance', 'disciplinary', 'warning', 'reference'],
    pattern: /\b(?:termination|resignation|dismissal|severance|disciplinary|warning|reference)\s+(?:letters?|notices?|meetings?|hearings?|emails?)\b/i,
  },
  {
    words: ['let', 'lay', 'layoff', 'layoffs', 'fire', 'dismiss', 'terminate'],
    pattern: /\blet\s+(?:\w+\s+){0,4}?go\b(?!\s+(?:viral|live|out))|\blay\s+(?:\w+\s+)?off\b|\blayoffs?\b|\b(?:fire|dismiss|terminate)\s+(?:him|her|them|an?|our|my|the)\b(?!\s+(?:up|off|campaign|ads?))/i,
  },
  {
    words: ['negotiate', 'ask', 'asking', 'salary', 'underpaid'],
    pattern: /\b(?:negotiate|ask(?:ing)?\s+(?:\w+\s+){0,3}?for)\s+(?:a|my|the)\s+(?:raise|pay\s+rise|salary|promotion)\b|\bsalary\s+(?:bands?|review|negotiation)\b|\bunderpaid\b/i,
  },
  // Someone's attendance is HR; a webinar's attendance is a campaign figure.
  {
    words: ['attendance', 'sick', 'parental', 'annual', 'holiday'],
    pattern: /\b(?:(?:her|his|their|my|staff|employee)\s+attendance|attendance\s+(?:issues?|problems?|policy|record)|sick\s+(?:leave|days?)|parental\s+leave|annual\s+leave|holiday\s+(?:allowance|requests?))\b/i,
  },
  // Contracts and the law. Topic words alone are often the user's product ("payroll
  // software", "a personal injury lawyer's ads"), so these name the legal task itself.
  {
    words: ['nda', 'ndas', 'disclosure', 'nondisclosure', 'contract', 'agreement', 'clause', 'clauses'],
    pattern: /\bndas?\b|\bnon-?disclosure\b|\b(?:contract|agreement)\s+(?:review|clauses?|terms|renewal)\b|\b(?:risky|unfair|legal)\s+clauses?\b/i,
  },
  {
    words: ['legally', 'legal', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'solicitor', 'solicitors', 'lawsuit', 'lawsuits', 'sue', 'suing', 'trademark', 'trademarks', 'infringe', 'infringes', 'infringing', 'infringement'],
    pattern: /\b(?:legally|legal\s+advice|(?:ask|consult|hire|need)\s+(?:a|our|my)\s+(?:lawyer|attorney|solicitor)|lawsuits?|sue|suing)\b|\btrademark\s+(?:infringement|registration|dispute)|\bregister(?:ing)?\s+(?:a|the|our|my)\s+(?:[\w-]+\s+){0,2}?trademarks?\b|\binfring(?:e|es|ing|ement)\b/i,
  },
  // Money owed, tax rules, company budgets.
  {
    words: ['invoice', 'invoices', 'overdue', 'late', 'outstanding', 'unpaid', 'payment', 'payments'],
    pattern: /\b(?:paid|pay|chase|chasing|send|sending)\s+(?:\w+\s+){0,2}?invoices?\b|\b(?:overdue|late|outstanding|unpaid)\s+(?:payments?|invoices?)\b|\bpayment\s+reminders?\b/i,
  },
  {
    words: ['vat', 'tax', 'payroll'],
    pattern: /\bhow\s+(?:does|do)\s+(?:vat|sales\s+tax|tax)\b|\b(?:calculate|work\s+out|reclaim|claim\s+back)\s+(?:the\s+)?(?:vat|sales\s+tax|tax)\b|\b(?:file|filing|submit|do|doing|complete)\s+(?:my|our|the|a)\s+(?:\w+\s+)?(?:tax|vat)\s+returns?\b|\b(?:vat|tax)\s+(?:registration|deductions?|deductible)\b|\bcharge\s+vat\b|\brun\s+payroll\b/i,
  },
  {
    words: ['budget', 'opex', 'headcount', 'expense'],
    pattern: /\bbudget\s+(?:forecasts?|spreadsheets?)\b|\b(?:annual|company|department(?:al)?)\s+budget\b|\bopex\b|\bheadcount\b|\bexpense\s+(?:reports?|claims?)\b/i,
  },
  {
    words: ['llc', 'corp', 'scorp', 'ccorp', 'sole', 'limited', 'incorporate', 'incorporation', 'depreciation'],
    pattern: /\b(?:llc|s-?corp|c-?corp|sole\s+trader|limited\s+company)\b|\bincorporat(?:e|ion)\b|\bdepreciation\b/i,
  },
  {
    words: ['legal', 'illegal', 'lawful', 'law', 'salary', 'pay'],
    pattern: /\bis\s+it\s+(?:legal|illegal|lawful|allowed\s+by\s+law)\b|\b(?:fair|average|typical|good)\s+salary\b|\bsalary\s+(?:for|of|range)\b|\bhow\s+much\s+(?:should\s+(?:i|we)\s+pay|to\s+pay)\b/i,
  },
  // Recruiting and leave.
  {
    words: ['interview', 'interviews', 'candidates', 'maternity', 'paternity', 'shortlist'],
    pattern: /\binterview\s+(?:schedule|questions|panel|slots?)\b|\b(?:interview|shortlist)\s+(?:the\s+)?candidates\b|\bcandidates\s+for\s+(?:our|the|a)\s+(?:[\w-]+\s+){0,3}?(?:role|position|job|vacancy)\b|\b(?:maternity|paternity)\s+(?:leave|pay|cover)\b/i,
  },
  // Bookkeeping and privacy law.
  {
    words: ['credit', 'reconcile', 'reconciling', 'receipts', 'invoiced', 'legal', 'subject'],
    pattern: /\bcredit\s+note\b|\breconcil(?:e|ing|iation)\b|\breceipts\b|\binvoiced\s+us\b|\blegal\s+(?:obligations?|deadlines?|requirements?|duties)\b|\bsubject\s+access\s+requests?\b/i,
  },
  // Code pasted to be fixed.
  {
    words: ['sql'],
    pattern: /\bfix\s+(?:this|my|the)\s+sql\b|\bsql\s+(?:error|syntax)\b/i,
  },
  // Pasted SQL: capitals, as people write it ("select the best subject line from..." is not).
  {
    words: ['select'],
    pattern: /\bSELECT\s+[\w*,\s().]+\s+FROM\s+\w+/,
  },
  // Applying for a job.
  {
    words: ['cover', 'cv', 'resume', 'job'],
    pattern: /\bcover\s+letter\b|\b(?:my|a)\s+(?:cv|resume|résumé)\b|\bjob\s+application\b/i,
  },
  // Software, IT and office life.
  {
    words: ['500', '502', '503', 'backend', 'debug', 'stack', 'stacktrace'],
    pattern: /\b(?:500|502|503)\s+errors?\b|\bbackend\b|\bdebug\b|\bstack\s*trace\b/i,
  },
  {
    words: ['sql', 'postgres', 'mysql', 'excel', 'formula', 'vpn', 'file', 'fix'],
    pattern: /\b(?:sql|postgres|mysql)\s+query\b|\b(?:excel|sheets|spreadsheet)\s+formula\b|\bformula\s+(?:in|for)\s+(?:excel|sheets|google\s+sheets)\b|\bvpn\b|\bfile\s+server\b|\bfix\s+the\s+(?:css|html|javascript|js|code)\b/i,
  },
  // Code and account security: a regex for the signup form is a developer's job.
  {
    words: ['regex', 'regexp', 'regular', '2fa', 'mfa', 'factor', 'sso'],
    pattern: /\b(?:regexp?|regular\s+expressions?)\s+(?:to|for|that)\b|\b(?:write|fix|need)\s+(?:me\s+)?(?:a|the|this)\s+(?:regexp?|regular\s+expression)\b|\b(?:enable|enforce|turn\s+on|set\s+up|reset|disable|require)\s+(?:[\w'-]+\s+){0,2}?(?:2fa|mfa|two[-\s]factor(?:\s+authentication)?|sso)\b/i,
  },
  {
    words: ['party', 'parties', 'do', 'lunch', 'drinks', 'team', 'teambuilding', 'seating'],
    pattern: /\b(?:office|holiday|christmas|xmas|leaving|retirement)\s+(?:party|parties|do|lunch|drinks)\b|\bteam[-\s]building\b|\bseating\s+plan\b/i,
  },
  // Personal and creative writing, not for a business.
  {
    words: ['poem', 'poems', 'poetry', 'story', 'fairy', 'lyrics', 'speech', 'eulogy', 'card'],
    pattern: /\b(?:poems?|poetry|short\s+story|bedtime\s+story|fairy\s+tale|song\s+lyrics|wedding\s+speech|best\s+man(?:'s)?\s+speech|eulogy|(?:farewell|leaving|birthday|condolence|sympathy|get\s+well)\s+card)\b/i,
  },
];

// Word → the tasks that need it. One scan for any of the words comes first: most requests
// contain none, and the task patterns are only tried for the words found.
const TASKS_BY_WORD = new Map<string, OffDomainTask[]>();
for (const task of OFF_DOMAIN_TASKS) {
  for (const word of task.words) TASKS_BY_WORD.set(word, [...(TASKS_BY_WORD.get(word) ?? []), task]);
}
const ANY_WORD = new RegExp(
  `\\b(?:${[...TASKS_BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);

/** Whether the request asks for work that belongs to another department (see above). */
export function offDomainTask(text: string): boolean {
  ANY_WORD.lastIndex = 0;
  for (let m = ANY_WORD.exec(text); m !== null; m = ANY_WORD.exec(text)) {
    if (TASKS_BY_WORD.get(m[0].toLowerCase())!.some((task) => task.pattern.test(text))) return true;
  }
  return false;
}
