/** One `key=value` piece of a query string, kept verbatim next to its decoded form. */
export interface QuerySegment {
  raw: string;
  key: string;
  value: string;
  /** False when the percent-encoding is broken; `key`/`value` are then the raw text. */
  decoded: boolean;
}

export interface SplitUrl {
  /** Everything before `?` (or before `#` when there is no query). */
  base: string;
  segments: QuerySegment[];
  /** Text after `#`, without the `#`; undefined when the URL has none. */
  fragment?: string;
}

export type UrlProblem = { code: 'invalid-url' | 'unsupported-protocol'; message: string };

/**
 * Splits a URL into base, query segments and fragment without re-serialising anything,
 * so parameters and fragments the user already had come back byte for byte.
 * Only absolute http(s) URLs are accepted.
 */
export function splitUrl(url: string): { ok: true; url: SplitUrl } | { ok: false; problem: UrlProblem } {
  const text = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, problem: { code: 'invalid-url', message: `not an absolute URL: "${text}"; expected e.g. https://example.com/page` } };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return {
      ok: false,
      problem: { code: 'unsupported-protocol', message: `UTM links must be http or https, got "${parsed.protocol.replace(/:$/, '')}"` },
    };
  }
  const hashAt = text.indexOf('#');
  const beforeHash = hashAt === -1 ? text : text.slice(0, hashAt);
  const fragment = hashAt === -1 ? undefined : text.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  const segments = query
    .split('&')
    .filter((raw) => raw !== '')
    .map(decodeSegment);
  return { ok: true, url: fragment === undefined ? { base, segments } : { base, segments, fragment } };
}

function decodeSegment(raw: string): QuerySegment {
  const eq = raw.indexOf('=');
  const rawKey = eq === -1 ? raw : raw.slice(0, eq);
  const rawValue = eq === -1 ? '' : raw.slice(eq + 1);
  try {
    // In query strings `+` means a space (form encoding), as analytics tools read it.
    return { raw, key: decodeURIComponent(rawKey.replace(/\+/g, ' ')), value: decodeURIComponent(rawValue.replace(/\+/g, ' ')), decoded: true };
  } catch {
    return { raw, key: rawKey, value: rawValue, decoded: false };
  }
}

/** Writes a query segment with the value percent-encoded. */
export function encodeSegment(key: string, value: string): string {
  return `${key}=${encodeURIComponent(value)}`;
}

/** Joins the parts back together. */
export function joinUrl(base: string, segments: readonly string[], fragment: string | undefined): string {
  const query = segments.length > 0 ? `?${segments.join('&')}` : '';
  return `${base}${query}${fragment === undefined ? '' : `#${fragment}`}`;
}
