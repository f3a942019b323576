// The refresh-token cookie of browser clients. @fastify/cookie is not a dependency; one cookie does not need it.
// `__Secure-` makes browsers refuse the cookie unless it is Secure; SameSite=Strict keeps it off cross-site
// requests (CSRF), HttpOnly keeps it away from scripts, and the path keeps it off every route but /auth.

export const REFRESH_COOKIE = '__Secure-refresh_token';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const ATTRIBUTES = `Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;

/** Set-Cookie value carrying `token` until `expiresAt`. */
export function refreshCookie(token: string, expiresAt: Date, now = Date.now()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000));
  return `${REFRESH_COOKIE}=${token}; Max-Age=${maxAge}; ${ATTRIBUTES}`;
}

/** Set-Cookie value that deletes the cookie. */
export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`;
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const raw = part
      .slice(index + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
