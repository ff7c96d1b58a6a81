import type { LiveClient, ConnectionState } from '../live/liveClient';
import { serverClock } from '../live/serverClock';
import { redirectToSignIn, signOut, type Me } from './auth';
import { esc } from './dom';
import { lang, t, toggleLang, type Key } from './i18n';
import { formatFullClock } from './time';

/** The header every view has: title, Beijing clock, the connection state (always visible) and the language switch. */
export function mountHeader(titleKey: Key, extra = '', live = true): void {
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = t(titleKey);
  const header = document.getElementById('header')!;
  header.innerHTML = `
    <h1 data-testid="view-title">${esc(t(titleKey))}</h1>
    ${extra}
    <div class="header-right">
      <span class="clock" data-testid="server-clock"></span>
      ${live ? `<span class="conn conn-connecting" data-testid="connection-state" data-state="connecting">${esc(t('connecting'))}</span>` : ''}
      <span class="user" id="header-user" hidden></span>
      <button class="lang" data-testid="lang-switch" type="button">${esc(t('lang'))}</button>
    </div>`;
  header.querySelector('.lang')!.addEventListener('click', toggleLang);
  const clock = header.querySelector<HTMLElement>('.clock')!;
  const tick = () => (clock.textContent = `${t('serverTime')} ${formatFullClock(serverClock.now())}`);
  tick();
  setInterval(tick, 1000);
}

/** Who is signed in (name and role) and the sign-out button, in the header mountHeader drew. */
export function mountUser(me: Me): void {
  const element = document.getElementById('header-user');
  if (!element) return;
  const roles = me.roles.map(roleName).join(' · ');
  element.hidden = false;
  element.dataset.userName = me.userName;
  element.innerHTML = `<span class="user-name" data-testid="signed-in-user" data-user-name="${esc(me.userName)}" title="${esc(t('signedInAs'))}: ${esc(me.userName)}">${esc(me.displayName || me.userName)}</span>`
    + `<span class="user-role" data-testid="signed-in-role">${esc(roles)}</span>`
    + `<button type="button" class="sign-out" data-testid="sign-out">${esc(t('signOut'))}</button>`;
  element.querySelector('.sign-out')!.addEventListener('click', () => void signOut());
}

/** A role's name in the current language (unknown roles as they are). */
export function roleName(role: string): string {
  const key = `role${role}` as Key;
  const text = t(key);
  return text ?? role;
}

/**
 * A refusal that stops the page being useful (the hub or the API said no to this user): one banner under the header,
 * saying so in the page's language with the server's reason under it, so nobody waits for data that will not come.
 */
export function showRefusal(reason: string): void {
  let banner = document.querySelector<HTMLElement>('[data-testid="access-refused"]');
  if (!banner) {
    banner = document.createElement('div');
    banner.className = 'refused';
    banner.dataset.testid = 'access-refused';
    banner.setAttribute('role', 'alert');
    document.getElementById('header')!.insertAdjacentElement('afterend', banner);
  }

  banner.innerHTML = `<div class="refused-lead">${esc(t('refused'))}${esc(t('refusedPage'))}</div>`
    + `<div class="refused-reason" data-testid="access-refused-reason">${esc(reason)}</div>`;
}

export function bindConnection(client: LiveClient, polling: () => boolean = () => false): void {
  const badge = document.querySelector<HTMLElement>('[data-testid="connection-state"]')!;
  const show = (state: ConnectionState) => {
    const shown = state === 'disconnected' && polling() ? 'polling' : state;
    badge.dataset.state = state;
    badge.className = `conn conn-${shown}`;
    badge.textContent = t(shown as Key);
  };
  client.onStateChange(show);
  setInterval(() => show(client.state), 2000);
}

/** A message line for results and refusals (problem+json detail). */
export function flash(element: HTMLElement, text: string, ok: boolean): void {
  element.textContent = text;
  element.className = `flash ${ok ? 'ok' : 'err'}`;
  element.dataset.kind = ok ? 'ok' : 'error';
}

/**
 * Keeps the domain clock honest between events: a REST read's readAt is the server's "now" (a test clock jumps;
 * event times alone can lag behind it).
 */
export function syncDomainClock(url: () => string | null, intervalMs: number): void {
  const read = async () => {
    const target = url();
    if (!target) return;
    try {
      const response = await fetch(target, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.status === 401) redirectToSignIn();
      if (response.ok) serverClock.observe(((await response.json()) as { readAt?: string }).readAt);
    } catch {
      // The connection badge already tells the story.
    }
  };
  void read();
  setInterval(() => void read(), intervalMs);
}
