/**
 * Counts in a section's Markdown that completeness scoring uses: words, entries
 * (`###` sub-headings, else top-level list items, else table rows), entries with a
 * figure, quoted phrases. Pure.
 */
export interface SectionTextStats {
  words: number;
  /** The text of each entry, for checks such as "has a figure". */
  entries: string[];
  quotes: number;
  hasNumber: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SUBHEADING = /^#{3,6}\s+\S/;
const LIST_ITEM = /^(?:[-*+]|\d+[.)])\s+\S/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const QUOTE = /“[^”\n]{3,}”|"[^"\n]{3,}"/g;

export function analyzeSectionText(text: string): SectionTextStats {
  // Link targets are not content; their text is.
  const prose = text.replace(/\]\([^)]*\)/g, ']');
  return {
    words: prose.match(WORD)?.length ?? 0,
    entries: splitEntries(text),
    quotes: text.match(QUOTE)?.length ?? 0,
    hasNumber: /\d/.test(prose),
  };
}

function splitEntries(text: string): string[] {
  const lines = text.split('\n');
  const blocks = (isStart: (line: string) => boolean, continues: (line: string) => boolean): string[] => {
    const found: string[][] = [];
    for (const line of lines) {
      if (isStart(line)) found.push([line]);
      else if (found.length > 0 && continues(line)) found.at(-1)?.push(line);
    }
    return found.map((block) => block.join('\n'));
  };

  if (lines.some((line) => SUBHEADING.test(line))) {
    return blocks((line) => SUBHEADING.test(line), () => true);
  }
  if (lines.some((line) => LIST_ITEM.test(line))) {
    // Nested items and indented continuation lines belong to the item above them.
    return blocks((line) => LIST_ITEM.test(line), (line) => /^\s+\S/.test(line));
  }
  const rows = lines.filter((line) => TABLE_ROW.test(line) && !TABLE_SEPARATOR.test(line));
  return rows.slice(1); // the first row is the header
}
