import { serverClock } from '../live/serverClock';

const zone = 'Asia/Shanghai';
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const fullClock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** "2026/12/06 10:44" in Beijing time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : dateTime.format(ms);
}

export function formatClock(ms: number): string {
  return clock.format(ms);
}

export function formatFullClock(ms: number): string {
  return fullClock.format(ms);
}

/** Time left until the deadline against the server's clock: "2:03:59", "-0:12:05" when past. */
export function countdown(deadline: string | null | undefined, now = serverClock.now()): { text: string; ms: number } {
  if (!deadline) return { text: '—', ms: Number.POSITIVE_INFINITY };
  const ms = Date.parse(deadline) - now;
  const abs = Math.abs(ms);
  const totalSeconds = Math.floor(abs / 1000);
  const days = Math.floor(totalSeconds / 86400);
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const body = days > 0 ? `${days}d ${pad(h)}:${pad(m)}:${pad(s)}` : `${h}:${pad(m)}:${pad(s)}`;
  return { text: ms < 0 ? `-${body}` : body, ms };
}

/** Ticks every second; countdown cells carry data-deadline and are rewritten in place. */
export function startCountdowns(root: ParentNode = document): void {
  refreshCountdowns(root);
  setInterval(() => refreshCountdowns(root), 1000);
}

/** Writes every countdown now (also right after a re-render, so a new row is never blank for a second). */
export function refreshCountdowns(root: ParentNode = document): void {
  const now = serverClock.now();
  root.querySelectorAll<HTMLElement>('[data-deadline]').forEach((element) => {
    const { text, ms } = countdown(element.dataset.deadline, now);
    element.textContent = text;
    element.classList.toggle('late', ms < 0);
    element.classList.toggle('soon', ms >= 0 && ms < 3600_000);
  });
}
