/** How many suggestions a completion returns (the protocol caps a response at 100). */
const MAX_SUGGESTIONS = 20;

/**
 * A completion callback over a list of values: values starting with what was typed come
 * first, then values containing it, case-insensitively, at most 20.
 */
export function completeFrom(
  values: () => readonly string[] | Promise<readonly string[]>,
): (typed: string | undefined) => Promise<string[]> {
  return async (typed) => {
    const needle = (typed ?? '').trim().toLowerCase();
    const all = [...new Set(await values())];
    const starts = all.filter((value) => value.toLowerCase().startsWith(needle));
    const contains = all.filter((value) => !value.toLowerCase().startsWith(needle) && value.toLowerCase().includes(needle));
    return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
  };
}
