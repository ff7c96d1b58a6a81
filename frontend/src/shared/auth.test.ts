import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiProblem } from './api';
import {
  can, fetchMe, homeFor, hubRefusal, redirectToSignIn, requireUser, retryAfterSeconds, returnUrlFrom, safeReturnUrl, signIn,
  signInHref, signOut, useNavigator, type Me,
} from './auth';

/** A navigator that records where the page was sent instead of going there. */
function recordingNavigator(pathname = '/console.html', search = '', hash = '') {
  const visits: string[] = [];
  useNavigator({ location: () => ({ pathname, search, hash }), go: (url) => visits.push(url) });
  return visits;
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const operator: Me = { userName: 'op1', displayName: '话务员一', roles: ['Operator'] };

afterEach(() => {
  useNavigator(undefined);
  vi.unstubAllGlobals();
});

describe('safeReturnUrl: only a path on this site', () => {
  it.each([
    ['/console.html', '/console.html'],
    ['/worker.html?worker=w0001#tasks', '/worker.html?worker=w0001#tasks'],
    ['/', '/'],
    ['/a/../console.html', '/console.html'],
  ])('keeps %s', (raw, expected) => {
    expect(safeReturnUrl(raw)).toBe(expected);
  });

  it.each([
    ['https://evil.example/phish'],
    ['http://127.0.0.1:5080/console.html'],
    ['//evil.example/x'],
    ['/\\evil.example/x'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['console.html'],
    ['  /console.html'],
    ['/login.html?returnUrl=/'],
    [''],
    [null],
    [undefined],
  ])('turns %j into "/"', (raw) => {
    expect(safeReturnUrl(raw)).toBe('/');
  });

  it('reads the return URL from the sign-in page query, decoded, and still checks it', () => {
    expect(returnUrlFrom(`?returnUrl=${encodeURIComponent('/worker.html?x=1')}`)).toBe('/worker.html?x=1');
    expect(returnUrlFrom(`?returnUrl=${encodeURIComponent('//evil.example')}`)).toBe('/');
    expect(returnUrlFrom('?returnUrl=https%3A%2F%2Fevil.example')).toBe('/');
    expect(returnUrlFrom('')).toBe('/');
  });

  it('builds the sign-in address from the current page', () => {
    expect(signInHref({ pathname: '/console.html', search: '?a=1', hash: '#b' })).toBe(`/login.html?returnUrl=${encodeURIComponent('/console.html?a=1#b')}`);
    expect(signInHref({ pathname: '/', search: '', hash: '' })).toBe('/login.html');
    expect(signInHref({ pathname: '/login.html', search: '?returnUrl=%2F', hash: '' })).toBe('/login.html');
  });
});

describe('redirect on 401', () => {
  it('sends the page to the sign-in page with its own address when the API answers 401', async () => {
    const visits = recordingNavigator('/console.html', '?x=1', '');
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { title: 'Unauthorized', status: 401 })));
    await expect(api.get('/api/boards/city')).rejects.toBeInstanceOf(ApiProblem);
    expect(visits).toEqual([`/login.html?returnUrl=${encodeURIComponent('/console.html?x=1')}`]);
  });

  it('redirects once for several 401s at the same moment', async () => {
    const visits = recordingNavigator('/');
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { title: 'Unauthorized' })));
    await Promise.allSettled([api.get('/api/a'), api.get('/api/b'), api.post('/api/c', {})]);
    expect(visits).toEqual(['/login.html']);
  });

  it('does not redirect on 403 or other refusals: the page shows them', async () => {
    const visits = recordingNavigator('/');
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(409, { title: 'Conflict', detail: 'stale version' })));
    await expect(api.post('/api/tickets/T1/dispatch', {})).rejects.toMatchObject({ status: 409, text: 'stale version' });
    expect(visits).toEqual([]);
  });

  it('does not redirect from the sign-in page itself', () => {
    const visits = recordingNavigator('/login.html', '?returnUrl=%2F');
    redirectToSignIn();
    expect(visits).toEqual([]);
  });

  it('requireUser gives the user when signed in and redirects (never settling) when not', async () => {
    const visits = recordingNavigator('/worker.html');
    const me = await requireUser(async () => jsonResponse(200, operator));
    expect(me).toEqual(operator);
    expect(visits).toEqual([]);

    let settled = false;
    void requireUser(async () => jsonResponse(401, { title: 'Unauthorized' })).then(() => (settled = true));
    await vi.waitFor(() => expect(visits).toEqual([`/login.html?returnUrl=${encodeURIComponent('/worker.html')}`]));
    await Promise.resolve();
    expect(settled).toBe(false);
  });

  it('fetchMe: null on 401, throws on a server error', async () => {
    await expect(fetchMe(async () => jsonResponse(401, {}))).resolves.toBeNull();
    await expect(fetchMe(async () => jsonResponse(500, {}))).rejects.toThrow(/500/);
  });
});

describe('signing in and out', () => {
  it('posts the user name and password and reports success', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const result = await signIn('op1', 'secret', async (url, init) => {
      calls.push([url, init]);
      return jsonResponse(200, { userName: 'op1' });
    });
    expect(result).toEqual({ ok: true });
    expect(calls[0][0]).toBe('/api/auth/signin');
    expect(calls[0][1]?.method).toBe('POST');
    expect(JSON.parse(String(calls[0][1]?.body))).toEqual({ userName: 'op1', password: 'secret' });
  });

  it('a wrong password is "invalid"', async () => {
    const result = await signIn('op1', 'wrong', async () => jsonResponse(401, { title: 'Unauthorized', detail: 'Wrong user name or password.' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('429 tells how long to wait, from Retry-After', async () => {
    const result = await signIn('op1', 'x', async () => jsonResponse(429, { title: 'Too many requests' }, { 'Retry-After': '42' }));
    expect(result).toMatchObject({ ok: false, reason: 'rateLimited', retryAfterSeconds: 42 });
  });

  it('reads Retry-After as seconds or as a date, and assumes a minute without it', () => {
    const now = Date.parse('2026-12-07T01:00:00Z');
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds('0', now)).toBe(1);
    expect(retryAfterSeconds('Mon, 07 Dec 2026 01:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds(null, now)).toBe(60);
    expect(retryAfterSeconds('soon', now)).toBe(60);
  });

  it('a server failure is an error with its message', async () => {
    const result = await signIn('op1', 'x', async () => jsonResponse(500, { title: 'Server error', detail: 'store down' }));
    expect(result).toEqual({ ok: false, reason: 'error', message: 'store down' });
  });

  it('signing out posts and goes to the sign-in page without a return URL', async () => {
    const visits = recordingNavigator('/console.html');
    const calls: string[] = [];
    await signOut(async (url, init) => {
      calls.push(`${init?.method} ${url}`);
      return new Response(null, { status: 204 });
    });
    expect(calls).toEqual(['POST /api/auth/signout']);
    expect(visits).toEqual(['/login.html']);
  });
});

describe('roles and refusals', () => {
  beforeEach(() => useNavigator(undefined));

  it('offers each role only its actions', () => {
    const center: Me = { userName: 'cc', roles: ['CommandCenter'] };
    const worker: Me = { userName: 'w', roles: ['GridWorker'], workerId: 'w0001' };
    const admin: Me = { userName: 'admin', roles: ['Administrator'] };
    expect([can(center, 'supervise'), can(center, 'dispatch')]).toEqual([true, false]);
    expect([can(operator, 'supervise'), can(operator, 'dispatch'), can(operator, 'intake'), can(operator, 'callback')]).toEqual([false, true, true, true]);
    expect([can(worker, 'supervise'), can(worker, 'dispatch'), can(worker, 'pickWorker')]).toEqual([false, false, false]);
    expect([can(admin, 'supervise'), can(admin, 'dispatch'), can(admin, 'pickWorker')]).toEqual([true, true, true]);
    expect(can(null, 'supervise')).toBe(false);
  });

  it('sends each role to its own page after a sign-in without a return URL', () => {
    expect(homeFor({ userName: 'w', roles: ['GridWorker'], workerId: 'w0001' })).toBe('/worker.html');
    expect(homeFor(operator)).toBe('/console.html');
    expect(homeFor({ userName: 'cc', roles: ['CommandCenter'] })).toBe('/');
    expect(homeFor({ userName: 'a', roles: ['Assessor'] })).toBe('/reports.html');
  });

  it("takes the server's message out of a hub refusal", () => {
    const error = new Error("An unexpected error occurred invoking 'Subscribe' on the server. HubException: Scope \"city\" is not allowed for GridWorker.");
    expect(hubRefusal(error)).toBe('Scope "city" is not allowed for GridWorker.');
    expect(hubRefusal(new Error("An unexpected error occurred invoking 'Subscribe' on the server. HubException: Forbidden: Your role may not watch \"city\".")))
      .toBe('Your role may not watch "city".');
    expect(hubRefusal(new Error('WebSocket closed with status code: 1006'))).toBeNull();
  });
});
