/**
 * What a request looks like, apart from its words. A message that is mostly numbers
 * (a pasted results table, "50k sessions, 1,200 orders, $18k spend") is asking for
 * them to be read: that is analysis, whatever words surround it.
 */
const NUMBER = /(?:[$£€]\s?)?\b\d[\d,.]*(?:\s?(?:%|k|m|x))?\b/gi;

// Questions about how something already did: "how did the campaign do", "was it worth it".
const RESULTS_QUESTION =
  /\bhow (?:did|do|does|is|are|has|have|well)\b(?:\s+\S+){0,6}?\s+(?:do|doing|done|perform|performing|performed|go|going|went|land|landed|work|working|worked)\b|\bwas\b(?:\s+\S+){0,5}?\s+worth it\b|\bwhat happened\b|\bmake sense of\b|\b(?:is|are|was|were)\s+(?:\S+\s+){0,3}?(?:working|paying off|performing)\b|\bwhich\b(?:\s+\S+){0,6}?\s+(?:is|are|was|were)\s+(?:working|performing|doing)\b/i;

export interface RequestShape {
  numbers: number;
  tableRows: number;
  /** Several figures or a pasted table. */
  dataHeavy: boolean;
  /** Asks how something already performed. */
  resultsQuestion: boolean;
}

/** Lines with two or more column separators (a pasted table); most requests have no separator at all. */
function countTableRows(text: string): number {
  if (!text.includes('|') && !text.includes('\t')) return 0;
  return text.split('\n').filter((line) => (line.match(/\||\t/g)?.length ?? 0) >= 2).length;
}

export function requestShape(text: string): RequestShape {
  const numbers = text.match(NUMBER)?.length ?? 0;
  const tableRows = countTableRows(text);
  return {
    numbers,
    tableRows,
    dataHeavy: numbers >= 3 || (tableRows >= 2 && numbers >= 2),
    resultsQuestion: RESULTS_QUESTION.test(text),
  };
}
