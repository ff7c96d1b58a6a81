// Sign-in on the client: who is signed in (GET /api/auth/me), where to send someone who is not (the sign-in page with a
// return URL that can only point back into this site), and which actions a role may take (the server decides; the
// views only hide what would be refused anyway).

/** The signed-in user as GET /api/auth/me returns it. */
export interface Me {
  userName: string;
  displayName?: string | null;
  roles: string[];
  workerId?: string | null;
  /** The grid of the worker the account is bound to. */
  gridCode?: string | null;
  unitId?: string | null;
}

/** Role names as the server's LiveGridRoles (silo/LiveGrid.Silo/Auth/LiveGridRoles.cs). */
export const Roles = {
  CommandCenter: 'CommandCenter',
  Operator: 'Operator',
  UnitHandler: 'UnitHandler',
  GridWorker: 'GridWorker',
  Assessor: 'Assessor',
  Administrator: 'Administrator',
} as const;

export type Role = (typeof Roles)[keyof typeof Roles];

/** What a view offers, and the roles that may do it (domain §1: who does what). */
export const permissions = {
  /** 督办 and 升级 on the board. */
  supervise: [Roles.CommandCenter, Roles.Administrator],
  /** Intake, merge, dispatch and callback on the console. */
  intake: [Roles.Operator, Roles.Administrator],
  dispatch: [Roles.Operator, Roles.Administrator],
  callback: [Roles.Operator, Roles.Administrator],
  /** KPIs and the stored reports (统计报表): the assessors' work, and the command center's. */
  reports: [Roles.Assessor, Roles.CommandCenter, Roles.Administrator],
  /** Choosing another worker's view (everyone else sees their own). */
  pickWorker: [Roles.Administrator, Roles.CommandCenter],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(me: Me | null | undefined, permission: Permission): boolean {
  const allowed: readonly string[] = permissions[permission];
  return !!me && me.roles.some((role) => allowed.includes(role));
}

export const signInPath = '/login.html';
// A base that is never served: anything that resolves away from it came with its own scheme or host.
const probeOrigin = 'http://livegrid.invalid';

/**
 * The page to go back to after signing in: only a path on this site ("/console.html?x#y"). Anything else — absolute
 * URLs, protocol-relative "//host", backslash tricks, other schemes, the sign-in page itself — becomes "/".
 */
export function safeReturnUrl(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return '/';
  // Browsers read "\" as "/" and drop tabs and newlines inside URLs: either can turn "/\evil" into "//evil".
  if (!raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw) || raw.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(raw, probeOrigin);
  } catch {
    return '/';
  }

  if (url.origin !== probeOrigin) return '/';
  if (url.pathname === signInPath) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address, remembering the page we are on (path, query and fragment only). */
export function signInHref(current: { pathname: string; search: string; hash: string }): string {
  const here = safeReturnUrl(`${current.pathname}${current.search}${current.hash}`);
  return here === '/' ? signInPath : `${signInPath}?returnUrl=${encodeURIComponent(here)}`;
}

/** The return URL a sign-in page was opened with (its query string), made safe. */
export function returnUrlFrom(search: string): string {
  return safeReturnUrl(new URLSearchParams(search).get('returnUrl'));
}

/** Where the browser goes; replaced in unit tests. */
export interface Navigator {
  location(): { pathname: string; search: string; hash: string };
  go(url: string): void;
}

const browserNavigator: Navigator = {
  location: () => window.location,
  go: (url) => window.location.assign(url),
};

let navigator: Navigator = browserNavigator;
let redirecting = false;

/** For tests: the navigator to use (undefined restores the browser's). */
export function useNavigator(replacement: Navigator | undefined): void {
  navigator = replacement ?? browserNavigator;
  redirecting = false;
}

/** Sends the browser to the sign-in page once (several 401s at the same moment make one redirect). */
export function redirectToSignIn(): void {
  if (redirecting) return;
  const here = navigator.location();
  if (here.pathname === signInPath) return;
  redirecting = true;
  navigator.go(signInHref(here));
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** GET /api/auth/me: the user, or null when not signed in (401). Other failures throw. */
export async function fetchMe(fetchFn: Fetch = fetch): Promise<Me | null> {
  const response = await fetchFn('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`GET /api/auth/me: HTTP ${response.status}`);
  return (await response.json()) as Me;
}

/**
 * The signed-in user for a page; when there is none, the browser goes to the sign-in page and the promise never
 * settles (the page stops building itself).
 */
export async function requireUser(fetchFn: Fetch = fetch): Promise<Me> {
  const me = await fetchMe(fetchFn);
  if (me) return me;
  redirectToSignIn();
  return new Promise<Me>(() => undefined);
}

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'rateLimited'; retryAfterSeconds: number; message: string }
  | { ok: false; reason: 'error'; message: string };

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); at least 1. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number {
  if (!header) return 60;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number(trimmed));
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.max(1, Math.ceil((at - now) / 1000)) : 60;
}

/** POST /api/auth/signin: sets the session cookie on success. */
export async function signIn(userName: string, password: string, fetchFn: Fetch = fetch): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetchFn('/api/auth/signin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ userName, password }),
    });
  } catch (error) {
    return { ok: false, reason: 'error', message: error instanceof Error ? error.message : String(error) };
  }

  if (response.ok) return { ok: true };
  const problem = await problemText(response);
  if (response.status === 429) return { ok: false, reason: 'rateLimited', retryAfterSeconds: retryAfterSeconds(response.headers.get('Retry-After')), message: problem };
  if (response.status === 400 || response.status === 401 || response.status === 403) return { ok: false, reason: 'invalid', message: problem };
  return { ok: false, reason: 'error', message: problem || `HTTP ${response.status}` };
}

/** POST /api/auth/signout, then the sign-in page (nothing to return to: the next user starts from their own page). */
export async function signOut(fetchFn: Fetch = fetch): Promise<void> {
  try {
    await fetchFn('/api/auth/signout', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } finally {
    navigator.go(signInPath);
  }
}

async function problemText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { title?: string; detail?: string };
    return body.detail ?? body.title ?? '';
  } catch {
    return '';
  }
}

/** The page a user of these roles starts from when the sign-in page was opened directly. */
export function homeFor(me: Me): string {
  if (me.roles.includes(Roles.GridWorker) || me.roles.includes(Roles.UnitHandler)) return '/worker.html';
  if (me.roles.includes(Roles.Operator)) return '/console.html';
  if (me.roles.includes(Roles.Assessor)) return '/reports.html';
  return '/';
}

/**
 * The hub's refusal text: the JS client wraps a HubException as
 * "An unexpected error occurred invoking 'Subscribe' on the server. HubException: <message>".
 */
export function hubRefusal(error: unknown): string | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const at = message.indexOf('HubException:');
  if (at < 0) return null;
  // The hub says "Forbidden: <why>"; the banner already says it is a refusal.
  return message.slice(at + 'HubException:'.length).trim().replace(/^Forbidden[.:]\s*/, '');
}
