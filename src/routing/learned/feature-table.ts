/**
 * The classifier's feature table is one string of lines sorted by feature name
 * (`name<TAB>...`), so a line can be found by binary search on the string itself: no
 * array of lines, no map, nothing built before the first lookup.
 */

/** The line of the table whose name is `name`, or undefined. Names compare by code unit, as the table is sorted. */
export function findFeatureLine(table: string, name: string): string | undefined {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = table.lastIndexOf('\n', middle - 1) + 1;
    let end = table.indexOf('\n', start);
    if (end < 0) end = table.length;
    const tab = table.indexOf('\t', start);
    const lineName = table.slice(start, tab);
    if (lineName === name) return table.slice(start, end);
    if (lineName < name) low = end + 1;
    else high = start;
  }
  return undefined;
}

/** Joins feature lines into a table, sorted by name as `findFeatureLine` expects. */
export function featureTable(lines: readonly string[]): string {
  const named = lines.map((line) => ({ name: line.slice(0, line.indexOf('\t')), line }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return named.map((n) => n.line).join('\n');
}
