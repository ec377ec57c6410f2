/**
 * Who may talk to the server, checked before any route runs:
 *   - without --lan, only this machine (the connection's own address is loopback);
 *   - the Host header names this server (no DNS rebinding: a page from evil.example that
 *     resolves its name to 127.0.0.1 still sends "Host: evil.example");
 *   - a request that changes anything (POST) comes from the page itself: its Origin is ours and
 *     the browser does not call it cross-site (no cross-site posts);
 *   - with --lan, every request carries the access token (a cookie set when the printed address,
 *     which holds it, is opened);
 * and the headers every response carries: a Content-Security-Policy that allows only the app's
 * own scripts and styles, no framing by other sites, no referrer, no caching of personal data.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

export const TOKEN_COOKIE = "sim-cancel-token";

export interface GuardConfig {
  /** Host header values accepted, lower case, with the port ("127.0.0.1:8123"). */
  hosts: ReadonlySet<string>;
  /** Origins accepted on POST ("http://127.0.0.1:8123"). */
  origins: ReadonlySet<string>;
  /** Only connections from this machine (no --lan). */
  loopbackOnly: boolean;
  /** With --lan: the access token every request must carry. */
  token?: string;
}

/**
 * Only the app's own files: no inline script or style, no eval, nothing from another site. The
 * previews are PDFs the page itself made (blob: URLs) shown in frames.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "frame-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Cache-Control": "no-store",
};

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return address === "::1";
}

/** The Host values and origins of a server on `port` reachable at `addresses` (IPs or names). */
export function hostsFor(addresses: readonly string[], port: number): { hosts: Set<string>; origins: Set<string> } {
  const hosts = new Set<string>();
  const origins = new Set<string>();
  for (const address of addresses) {
    const host = `${isIP(address) === 6 ? `[${address}]` : address}:${port}`.toLowerCase();
    hosts.add(host);
    origins.add(`http://${host}`);
  }
  return { hosts, origins };
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === TOKEN_COOKIE) return value.join("=");
  }
  return undefined;
}

export type GuardVerdict =
  | { ok: true; setToken?: boolean }
  /** `status` and a short English reason for the person or program refused (never user data). */
  | { ok: false; status: 403 | 421; reason: string };

/** The checks above, on the raw request: method, headers, the socket's address and the URL. */
export function checkRequest(config: GuardConfig, request: IncomingMessage, url: URL): GuardVerdict {
  if (config.loopbackOnly && !isLoopback(request.socket.remoteAddress)) {
    return {
      ok: false,
      status: 403,
      reason: "this server only answers this computer (start it with --lan to share it on the local network)",
    };
  }
  const host = (request.headers.host ?? "").toLowerCase();
  if (!config.hosts.has(host))
    return { ok: false, status: 421, reason: "unknown host name: open the address sim-cancel printed" };

  let setToken = false;
  if (config.token !== undefined) {
    const fromCookie = cookieToken(request.headers.cookie);
    const fromUrl = url.searchParams.get("token");
    if (fromCookie !== undefined && sameSecret(fromCookie, config.token)) {
      // Already let in.
    } else if (fromUrl !== null && sameSecret(fromUrl, config.token) && request.method === "GET") {
      setToken = true;
    } else {
      return {
        ok: false,
        status: 403,
        reason: "this page needs its access token: scan the QR code or open the address sim-cancel printed",
      };
    }
  }

  if (request.method !== "GET" && request.method !== "HEAD") {
    const origin = request.headers.origin;
    if (origin === undefined || !config.origins.has(origin.toLowerCase())) {
      return {
        ok: false,
        status: 403,
        reason: "requests that change anything must come from this page (wrong or missing Origin)",
      };
    }
    const site = request.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin")
      return { ok: false, status: 403, reason: "cross-site request refused" };
  }
  return setToken ? { ok: true, setToken } : { ok: true };
}

/** The cookie that carries the token after the first visit: not readable by scripts, never sent cross-site. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
