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
const OFF_DOMAIN_TASKS: readonly RegExp[] = [
  // Hiring, managing and paying people.
  /\bjob\s+(?:ads?|adverts?|advertisements?|descriptions?|postings?|listings?|specs?|offers?|interviews?)\b/i,
  /\b(?:performance|annual|mid-?year)\s+(?:reviews?|appraisals?)\b|\bperformance\s+improvement\s+plan\b|\bappraisals?\b/i,
  /\b(?:termination|resignation|dismissal|severance|disciplinary|warning|reference)\s+(?:letters?|notices?|meetings?|hearings?|emails?)\b/i,
  /\blet\s+(?:\w+\s+){0,4}?go\b(?!\s+(?:viral|live|out))|\blay\s+(?:\w+\s+)?off\b|\blayoffs?\b|\b(?:fire|dismiss|terminate)\s+(?:him|her|them|an?|our|my|the)\b(?!\s+(?:up|off|campaign|ads?))/i,
  /\b(?:negotiate|ask\s+for|asking\s+for)\s+(?:a|my|the)\s+(?:raise|pay\s+rise|salary|promotion)\b|\bsalary\s+(?:bands?|review|negotiation)\b/i,
  // Someone's attendance is HR; a webinar's attendance is a campaign figure.
  /\b(?:(?:her|his|their|my|staff|employee)\s+attendance|attendance\s+(?:issues?|problems?|policy|record)|sick\s+(?:leave|days?)|parental\s+leave|annual\s+leave|holiday\s+(?:allowance|requests?))\b/i,
  // Contracts and the law. Topic words alone are often the user's product ("payroll
  // software", "a personal injury lawyer's ads"), so these name the legal task itself.
  /\bndas?\b|\bnon-?disclosure\b|\b(?:contract|agreement)\s+(?:review|clauses?|terms|renewal)\b|\b(?:risky|unfair|legal)\s+clauses?\b/i,
  /\b(?:legally|legal\s+advice|(?:ask|consult|hire|need)\s+(?:a|our|my)\s+(?:lawyer|attorney|solicitor)|lawsuits?|sue|suing)\b|\btrademark\s+(?:infringement|registration|dispute)|\binfring(?:e|es|ing|ement)\b/i,
  // Money owed, tax rules, company budgets.
  /\b(?:paid|pay|chase|chasing|send|sending)\s+(?:\w+\s+){0,2}?invoices?\b|\b(?:overdue|late|outstanding|unpaid)\s+(?:payments?|invoices?)\b|\bpayment\s+reminders?\b/i,
  /\bhow\s+(?:does|do)\s+(?:vat|sales\s+tax|tax)\b|\b(?:vat|tax)\s+(?:returns?|filing|registration|deductions?|deductible)\b|\bcharge\s+vat\b|\brun\s+payroll\b/i,
  /\bbudget\s+(?:forecasts?|spreadsheets?)\b|\b(?:annual|company|department(?:al)?)\s+budget\b|\bopex\b|\bheadcount\b|\bexpense\s+(?:reports?|claims?)\b/i,
  /\b(?:llc|s-?corp|c-?corp|sole\s+trader|limited\s+company)\b|\bincorporat(?:e|ion)\b|\bdepreciation\b/i,
  /\bis\s+it\s+(?:legal|illegal|lawful|allowed\s+by\s+law)\b|\b(?:fair|average|typical|good)\s+salary\b|\bsalary\s+(?:for|of|range)\b|\bhow\s+much\s+(?:should\s+(?:i|we)\s+pay|to\s+pay)\b/i,
  // Applying for a job.
  /\bcover\s+letter\b|\b(?:my|a)\s+(?:cv|resume|résumé)\b|\bjob\s+application\b/i,
  // Software, IT and office life.
  /\b(?:500|502|503)\s+errors?\b|\bbackend\b|\bdebug\b|\bstack\s*trace\b/i,
  /\b(?:sql|postgres|mysql)\s+query\b|\bexcel\s+formula\b|\bformula\s+(?:in|for)\s+(?:excel|sheets|google\s+sheets)\b|\bvpn\b|\bfile\s+server\b|\bfix\s+the\s+(?:css|html|javascript|js|code)\b/i,
  /\b(?:office|holiday|christmas|xmas|leaving|retirement)\s+(?:party|parties|do|lunch|drinks)\b|\bteam[-\s]building\b|\bseating\s+plan\b/i,
  // Personal and creative writing, not for a business.
  /\b(?:poems?|poetry|short\s+story|bedtime\s+story|fairy\s+tale|song\s+lyrics|wedding\s+speech|best\s+man(?:'s)?\s+speech|eulogy|(?:farewell|leaving|birthday|condolence|sympathy|get\s+well)\s+card)\b/i,
];

/** Whether the request asks for work that belongs to another department (see above). */
export function offDomainTask(text: string): boolean {
  return OFF_DOMAIN_TASKS.some((pattern) => pattern.test(text));
}
