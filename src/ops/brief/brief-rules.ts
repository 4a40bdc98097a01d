import { parseIsoDate, parseIsoTimestamp, toIsoDate } from '../shared/dates.js';
import type { BriefField } from './brief-fields.js';

/**
 * Heuristics that spot a vague brief field. Each returns the reasons the field is vague
 * (empty when it reads as specific). They are deliberately simple and explainable: a
 * warning says exactly which rule fired, so a person can overrule it.
 */

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'&-]*/gu) ?? [];
const hasNumber = (text: string): boolean => /\d/.test(text);

/** Outcome verbs of an objective (matched with common endings: grow, grows, growing, grew is not). */
const OUTCOME_VERBS = [
  'increase', 'grow', 'generate', 'drive', 'reduce', 'cut', 'lower', 'raise', 'boost', 'acquire', 'convert', 'launch',
  'book', 'win', 'sign', 'get', 'reach', 'double', 'triple', 'improve', 'retain', 're-engage', 'reactivate', 'collect',
  'capture', 'sell', 'register', 'recruit', 'expand', 'decrease', 'lift', 'achieve', 'build', 'attract', 'secure',
  'close', 'create', 'earn', 'hit', 'add', 'onboard', 'activate', 'upsell', 'renew', 'shorten', 'halve',
];

function isVerbLike(word: string, verbs: readonly string[]): boolean {
  return verbs.some((v) => word === v || (word.startsWith(v) && ['s', 'es', 'd', 'ed', 'ing'].includes(word.slice(v.length))) || (v.endsWith('e') && word === `${v.slice(0, -1)}ing`));
}

function objective(text: string): string[] {
  const reasons: string[] = [];
  const ws = words(text);
  const verbs = ws.filter((w) => isVerbLike(w, OUTCOME_VERBS));
  if (verbs.length === 0) reasons.push('no outcome verb: say what should change (generate, increase, reduce...)');
  if (!hasNumber(text)) reasons.push('no number: an objective without a target cannot be met or missed');
  if (verbs.length >= 2 && /\band\b|;|\balso\b/i.test(text)) reasons.push(`more than one objective (${verbs.join(', ')}): keep the single primary one`);
  return reasons;
}

/** Audience words that describe nearly everyone on their own. */
const BROAD_AUDIENCES = [
  'everyone', 'everybody', 'anyone', 'all', 'general public', 'public', 'people', 'consumers', 'customers', 'users',
  'millennials', 'gen z', 'gen x', 'boomers', 'baby boomers', 'businesses', 'companies', 'smbs', 'smb', 'b2b', 'b2c',
  'women', 'men', 'parents', 'students', 'young people', 'professionals', 'the market', 'audience', 'prospects', 'buyers',
];
/** Words that narrow an audience down: roles and qualifiers. */
const ROLE_WORDS = [
  'manager', 'managers', 'director', 'directors', 'head', 'heads', 'vp', 'vps', 'cmo', 'cmos', 'cfo', 'cfos', 'ceo', 'ceos',
  'cto', 'ctos', 'founder', 'founders', 'owner', 'owners', 'lead', 'leads', 'engineer', 'engineers', 'developer',
  'developers', 'marketer', 'marketers', 'admin', 'admins', 'officer', 'officers', 'specialist', 'specialists', 'analyst',
  'analysts', 'coordinator', 'coordinators', 'executive', 'executives', 'buyer', 'teacher', 'teachers', 'nurse', 'nurses',
  'recruiter', 'recruiters', 'accountant', 'accountants', 'designer', 'designers', 'operator', 'operators',
];
const QUALIFIERS = ['who', 'that', 'with', 'using', 'at', 'in', 'from', 'between', 'aged', 'earning', 'based', 'running', 'whose', 'across', 'within'];

function audience(text: string): string[] {
  const lower = ` ${words(text).join(' ')} `;
  const ws = words(text);
  const broad = BROAD_AUDIENCES.filter((term) => lower.includes(` ${term} `));
  const specific = hasNumber(text) || ws.some((w) => ROLE_WORDS.includes(w) || QUALIFIERS.includes(w));
  if (broad.length > 0 && !specific) {
    return [`"${broad[0]}" is too broad on its own: add role, company type or size, region or situation`];
  }
  if (ws.length <= 1 && !hasNumber(text)) return ['one word is not a target audience: add who exactly, where and in what situation'];
  return [];
}

function keyMessage(text: string): string[] {
  const count = words(text).length;
  if (count < 3) return ['too short to guide the copy: write the takeaway as a sentence'];
  const sentences = text.split(/[.!?]+\s/).filter((s) => s.trim() !== '').length;
  if (count > 35 || sentences >= 3) return ['more than one message: cut it to the one sentence the audience should remember'];
  return [];
}

const CTA_VERBS = [
  'book', 'start', 'get', 'try', 'download', 'register', 'sign', 'subscribe', 'join', 'buy', 'shop', 'order', 'request',
  'schedule', 'claim', 'apply', 'contact', 'call', 'reserve', 'watch', 'read', 'explore', 'discover', 'reply', 'visit',
  'upgrade', 'install', 'compare', 'see', 'save', 'donate', 'enroll', 'enrol', 'rsvp', 'attend', 'create', 'talk', 'chat',
  'take', 'grab', 'unlock', 'share', 'refer', 'renew', 'activate', 'redeem', 'calculate', 'build', 'request',
];
const GENERIC_CTAS = ['click here', 'learn more', 'find out more', 'read more', 'submit', 'click', 'more info', 'go', 'continue'];

function callToAction(text: string): string[] {
  const normalized = words(text).join(' ');
  if (GENERIC_CTAS.includes(normalized)) return [`"${text.trim()}" is generic: name the action and what the reader gets`];
  const first = words(text.replace(/^\s*(please|click to|click and|tap to)\s+/i, ''))[0] ?? '';
  if (!CTA_VERBS.includes(first)) return ['not an action: start with the verb the reader does (book, start, download...)'];
  return [];
}

const METRIC_NOUNS = [
  'signups', 'sign-ups', 'leads', 'mqls', 'sqls', 'demos', 'users', 'customers', 'visits', 'visitors', 'sessions', 'clicks',
  'conversions', 'registrations', 'downloads', 'revenue', 'pipeline', 'roas', 'cpa', 'ctr', 'cac', 'cpl', 'cpc', 'cpm',
  'opens', 'replies', 'meetings', 'trials', 'subscribers', 'followers', 'impressions', 'views', 'orders', 'sales',
  'bookings', 'requests', 'installs', 'attendees', 'retention', 'churn', 'nps', 'mrr', 'arr', 'aov', 'ltv',
];
const NOT_UNITS = ['by', 'in', 'within', 'before', 'on', 'to', 'from', 'of', 'per', 'at', 'and', 'or', 'the', 'a', 'until', 'q1', 'q2', 'q3', 'q4'];

function successMetric(text: string): string[] {
  if (!hasNumber(text)) return ['no number: say how much counts as success'];
  const lower = text.toLowerCase();
  const symbol = /%|[$€£¥]|\d\s*(k|m|x|pp)\b/.test(lower);
  const unitAfterNumber = [...lower.matchAll(/\d[\d,.]*\s*([\p{L}][\p{L}-]*)/gu)].some((m) => !NOT_UNITS.includes(m[1] ?? ''));
  const metricNoun = words(text).some((w) => METRIC_NOUNS.includes(w));
  if (!symbol && !unitAfterNumber && !metricNoun) return ['a number without a unit: say what is counted (demo requests, %, $...)'];
  return [];
}

function deadline(text: string, today: Date): string[] {
  const trimmed = text.trim();
  const time = parseIsoDate(trimmed)?.getTime() ?? parseIsoTimestamp(trimmed);
  if (time === undefined) return [`"${trimmed}" is not a date: write it as YYYY-MM-DD`];
  const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (time < startOfToday) return [`${trimmed} is in the past (today is ${toIsoDate(today)})`];
  return [];
}

function format(text: string): string[] {
  if (!hasNumber(text) && words(text).length < 3) return ['too thin to produce against: give channel, size or length, and how many'];
  return [];
}

export function vagueReasons(field: BriefField, value: string, today: Date): string[] {
  switch (field) {
    case 'objective':
      return objective(value);
    case 'audience':
      return audience(value);
    case 'keyMessage':
      return keyMessage(value);
    case 'callToAction':
      return callToAction(value);
    case 'successMetric':
      return successMetric(value);
    case 'deadline':
      return deadline(value, today);
    case 'format':
      return format(value);
  }
}
