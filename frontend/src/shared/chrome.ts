import type { LiveClient, ConnectionState } from '../live/liveClient';
import { serverClock } from '../live/serverClock';
import { esc } from './dom';
import { lang, t, toggleLang, type Key } from './i18n';
import { formatFullClock } from './time';

/** The header every view has: title, Beijing clock, the connection state (always visible) and the language switch. */
export function mountHeader(titleKey: Key, extra = ''): void {
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = t(titleKey);
  const header = document.getElementById('header')!;
  header.innerHTML = `
    <h1 data-testid="view-title">${esc(t(titleKey))}</h1>
    ${extra}
    <div class="header-right">
      <span class="clock" data-testid="server-clock"></span>
      <span class="conn conn-connecting" data-testid="connection-state" data-state="connecting">${esc(t('connecting'))}</span>
      <button class="lang" data-testid="lang-switch" type="button">${esc(t('lang'))}</button>
    </div>`;
  header.querySelector('.lang')!.addEventListener('click', toggleLang);
  const clock = header.querySelector<HTMLElement>('.clock')!;
  const tick = () => (clock.textContent = `${t('serverTime')} ${formatFullClock(serverClock.now())}`);
  tick();
  setInterval(tick, 1000);
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
      const response = await fetch(target, { headers: { Accept: 'application/json' } });
      if (response.ok) serverClock.observe(((await response.json()) as { readAt?: string }).readAt);
    } catch {
      // The connection badge already tells the story.
    }
  };
  void read();
  setInterval(() => void read(), intervalMs);
}
