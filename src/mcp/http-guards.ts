import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Host names that always mean this machine. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403 | 413; message: string; headers?: Record<string, string> };

export interface GuardOptions {
  /** Host names (no port) accepted in `Host` and `Origin` besides the loopback ones. */
  allowedHosts: readonly string[];
  /** When set, requests need `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

/** The host name of a `Host` header or an origin, lowercased, without port; undefined when unreadable. */
export function hostnameOf(value: string, withScheme: boolean): string | undefined {
  try {
    return new URL(withScheme ? value : `http://${value}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Checks a request before it reaches the MCP transport. Pure.
 * - Host and Origin against DNS rebinding: a web page on another site must not be able
 *   to reach a server bound to localhost (403).
 * - The bearer token, when one is configured (401).
 * - A declared body larger than the limit (413); the transport also stops reading at the
 *   limit for bodies sent without a length.
 */
export function checkRequest(headers: IncomingHttpHeaders, options: GuardOptions): GuardVerdict {
  const allowed = new Set([...LOOPBACK_HOSTS, ...options.allowedHosts.map((host) => host.toLowerCase())]);
  const host = headers.host ? hostnameOf(headers.host, false) : undefined;
  if (!host || !allowed.has(host)) {
    return { ok: false, status: 403, message: `Host "${headers.host ?? ''}" is not allowed; connect through localhost or 127.0.0.1.` };
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    const originHost = hostnameOf(origin, true);
    if (!originHost || !allowed.has(originHost)) {
      return { ok: false, status: 403, message: `Origin "${origin}" is not allowed; only local origins may call this server.` };
    }
  }
  if (options.token !== undefined) {
    const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
    if (!match?.[1] || !tokensMatch(match[1].trim(), options.token)) {
      return {
        ok: false,
        status: 401,
        message: headers.authorization ? 'The bearer token is wrong.' : 'Missing bearer token: send "Authorization: Bearer <MOPS_HTTP_TOKEN>".',
        headers: { 'WWW-Authenticate': 'Bearer realm="mops"' },
      };
    }
  }
  const length = Number(headers['content-length']);
  if (Number.isFinite(length) && length > options.maxBodyBytes) {
    return { ok: false, status: 413, message: `Request body of ${length} bytes is over the limit of ${options.maxBodyBytes} bytes.` };
  }
  return { ok: true };
}
