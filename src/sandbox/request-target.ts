/**
 * Checks every request-target before routing (RFC 9112 §3.2), so that no target can reach a route
 * in a form the route did not expect, and none makes the emulator fail (a 500). Served:
 * - origin-form, `/path?query`: each path segment non-empty and made of RFC 3986 `pchar`s, every
 *   `%` followed by two hex digits, the decoded segment valid UTF-8 and neither `.` nor `..`, nor
 *   holding a `/`, `\` or control character behind a percent-encoding. The query may hold any
 *   visible ASCII but `#`, with well-formed percent-encodings.
 * - absolute-form naming the emulator itself (`http://127.0.0.1:<port>/path`, `localhost` too),
 *   which RFC 9112 says a server must accept; its path is checked as above.
 * Everything else (`//x`, another host, `*`, authority-form, a broken percent-encoding, ...) is
 * refused with 400, and a target over MAX_TARGET_LENGTH with 414. Bytes that are not visible
 * ASCII never get here: node:http's parser refuses them (see connections.ts).
 */

/** Longest request-target served; the emulator's own are under 100 characters. */
export const MAX_TARGET_LENGTH = 2048;

export type RequestTarget =
  | {
      readonly ok: true;
      /** The path without the query, as sent (not decoded): what routes match. */
      readonly pathname: string;
      /** Path and query in origin-form: what an Antom client signs. */
      readonly path: string;
    }
  | {readonly ok: false; readonly status: 400 | 414; readonly message: string};

const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
/** `/` alone, or non-empty segments with an optional trailing slash. */
const PATH = new RegExp(`^(?:/|(?:/${PCHAR}+)+/?)$`);
/** Visible ASCII except `#` and a bare `%`. */
const QUERY = /^(?:[!"$&-~]|%[0-9A-Fa-f]{2})*$/;
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const HTTP_AUTHORITY = /^http:\/\/([^/?#]*)/i;

const refuse = (message: string): RequestTarget => ({ok: false, status: 400, message});

/**
 * @param target `request.url` as node:http gives it (the raw request-target).
 * @param ownHosts the `host:port` forms that name the emulator, for absolute-form.
 */
export function checkRequestTarget(target: string | undefined, method: string | undefined, ownHosts: readonly string[]): RequestTarget {
  if (!target) return refuse('The request-target is empty.');
  if (target.length > MAX_TARGET_LENGTH) {
    return {ok: false, status: 414, message: `The request-target is longer than ${MAX_TARGET_LENGTH} characters.`};
  }
  if (target === '*') return refuse('The emulator serves no asterisk-form (OPTIONS *) requests.');
  if (method === 'CONNECT') return refuse('The emulator is not a proxy: CONNECT is not served.');
  if (ABSOLUTE_FORM.test(target)) return checkAbsoluteForm(target, ownHosts);
  if (!target.startsWith('/')) return refuse('The request-target must be a path starting with "/".');
  return checkOriginForm(target);
}

function checkAbsoluteForm(target: string, ownHosts: readonly string[]): RequestTarget {
  const authority = HTTP_AUTHORITY.exec(target);
  if (!authority) return refuse('An absolute-form request-target must be an http: URL of this emulator.');
  if (!ownHosts.includes(authority[1]!.toLowerCase())) {
    return refuse('The request-target names another host: the emulator is not a proxy.');
  }
  const rest = target.slice(authority[0].length);
  if (rest === '' || rest.startsWith('?')) return checkOriginForm(`/${rest}`);
  return checkOriginForm(rest);
}

function checkOriginForm(target: string): RequestTarget {
  const queryAt = target.indexOf('?');
  const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
  const query = queryAt < 0 ? '' : target.slice(queryAt + 1);
  if (!PATH.test(pathname)) {
    return refuse(
      'The request-target path must be "/"-separated non-empty segments of RFC 3986 characters, each "%" followed by two hex digits.',
    );
  }
  if (!QUERY.test(query)) return refuse('The request-target query must be visible ASCII without "#", each "%" followed by two hex digits.');
  for (const segment of pathname.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse('A percent-encoded path segment is not UTF-8.');
    }
    if (decoded === '.' || decoded === '..') return refuse('The request-target path has a "." or ".." segment.');
    if (hidesSomething(decoded)) return refuse('A path segment encodes "/", "\\" or a control character.');
  }
  return {ok: true, pathname, path: target};
}

/** A `/` or `\` inside one segment, or a control character (C0 or DEL). */
function hidesSomething(segment: string): boolean {
  for (let index = 0; index < segment.length; index += 1) {
    const code = segment.charCodeAt(index);
    if (code < 0x20 || code === 0x7f || code === 0x2f || code === 0x5c) return true;
  }
  return false;
}
