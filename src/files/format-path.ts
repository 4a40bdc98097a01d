/** Renders a zod issue path as `rows[3].visited_pricing`; an empty path is `root`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, root = '(root)'): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? root : text;
}
