/** Small Markdown builders shared by the ops reports. */

export type Align = 'left' | 'right' | 'center';

/** Escapes a cell so pipes and line breaks cannot break the table. */
export function escapeCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table. `align` gives one entry per column (default left). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly unknown[])[], align: readonly Align[] = []): string {
  const rule = headers.map((_, i) => {
    const a = align[i] ?? 'left';
    return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
  });
  const line = (cells: readonly unknown[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A fenced Mermaid block. */
export function mermaidBlock(body: string): string {
  return ['```mermaid', body, '```'].join('\n');
}

/** Makes a label safe inside Mermaid quoted strings. */
export function mermaidLabel(text: string): string {
  return text.replace(/["\n\r]/g, ' ').replace(/[<>]/g, '');
}

/** Fixed decimals without trailing noise: 0.5 → "0.50" with digits 2. */
export function fixed(value: number, digits = 2): string {
  return (Math.round(value * 10 ** digits) / 10 ** digits).toFixed(digits);
}

/** A share as a percentage string: 0.4 → "40.0%". */
export function percent(share: number, digits = 1): string {
  return `${fixed(share * 100, digits)}%`;
}

/** A bulleted list, or a fallback line when empty. */
export function bulletList(items: readonly string[], empty = '_none_'): string {
  return items.length === 0 ? empty : items.map((item) => `- ${item}`).join('\n');
}
