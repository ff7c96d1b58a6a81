import '../shared/style.css';
import { connectLive } from '../live/connect';
import { serverClock } from '../live/serverClock';
import { BoardState, isOverdue } from '../live/boardState';
import { isBoardFrame, type AreaBoard, type BoardCounters, type LiveDelta, type Snapshot, type TicketSummary } from '../live/types';
import { api, ApiProblem, errorText, type Actor } from '../shared/api';
import { can, requireUser } from '../shared/auth';
import { echarts } from '../shared/charts';
import { bindConnection, flash, mountHeader, mountUser, showRefusal } from '../shared/chrome';
import { byId, esc } from '../shared/dom';
import { t, tv } from '../shared/i18n';
import { loadTerritory, mapName, type Territory } from '../shared/territory';
import { formatTime, refreshCountdowns, startCountdowns } from '../shared/time';

// The command board (大屏): city KPIs, aging, breaching next, hotspot map, overdue list with 督办, street league.
// Live from Subscribe("city"); when the hub is not there, GET /api/boards/city and the ticket list every few seconds.

// Signed in first (else to the sign-in page); 督办/升级 only for the roles that may supervise.
const me = await requireUser();
const maySupervise = can(me, 'supervise');
const supervisor: Actor = { id: me.userName, role: 'CommandCenter', name: me.displayName || me.userName };
mountHeader('boardTitle');
mountUser(me);
byId('app').innerHTML = `
  <section class="kpis">
    ${kpi('kpi-open', 'open')}${kpi('kpi-overdue', 'overdue', 'danger')}${kpi('kpi-received-today', 'receivedToday')}
    ${kpi('kpi-on-time-rate', 'onTimeRate')}${kpi('kpi-satisfied-rate', 'satisfiedRate')}${kpi('kpi-patrol-coverage', 'patrolCoverage')}
  </section>
  <section class="board-grid">
    <div class="col">
      <div class="panel"><h2>${t('aging')}</h2><div id="aging" class="chart" data-testid="aging-chart"></div></div>
      <div class="panel grow"><h2>${t('breachingNext')}</h2><table class="list"><thead><tr><th>${t('ticket')}</th><th>${t('title')}</th><th>${t('stage')}</th><th>${t('remaining')}</th></tr></thead><tbody id="breaching" data-testid="breaching-list"></tbody></table></div>
    </div>
    <div class="col wide">
      <div class="panel grow"><h2>${t('hotspots')}<div class="legend"><span>0</span><i></i><span id="map-legend-max">—</span><span class="legend-dot">● ${t('overdue')}</span></div></h2><div class="map-wrap"><div id="map" class="chart map" data-testid="hotspot-map"></div></div></div>
      <div class="panel recent"><h2>最新动态 / Live feed</h2><table class="list"><tbody id="recent" data-testid="recent-list"></tbody></table></div>
    </div>
    <div class="col">
      <div class="panel grow scroll"><h2>${t('overdueList')} <span class="count" id="overdue-count" data-testid="overdue-count"></span> <span class="msg" id="action-msg" data-testid="action-message"></span></h2><table class="list"><thead><tr><th>${t('ticket')}</th><th>${t('title')}</th><th>${t('remaining')}</th><th></th></tr></thead><tbody id="overdue" data-testid="overdue-list"></tbody></table></div>
      <div class="panel"><h2>${t('league')}</h2><table class="list league"><thead><tr><th>#</th><th>${t('street')}</th><th>${t('open')}</th><th>${t('overdue')}</th><th>${t('onTime')}</th></tr></thead><tbody id="league" data-testid="league-table"></tbody></table></div>
    </div>
  </section>`;

function kpi(testId: string, key: Parameters<typeof t>[0], tone = ''): string {
  return `<div class="kpi ${tone}"><div class="kpi-label">${t(key)}</div><div class="kpi-value" data-testid="${testId}">—</div><div class="kpi-sub" id="${testId}-sub"></div></div>`;
}

// ---- state --------------------------------------------------------------------------------------------------------
// The board's state lives in BoardState: the city snapshot, then one board frame per ~100 ms folded on top.
const state = new BoardState();
// Only without the hub: every open ticket (polled), for the map's fallback colouring.
let polledOpen: TicketSummary[] = [];
let territory: Territory | null = null;
let live = false;
// Set once the server refused this user the board: the banner says so, and polling would only be refused again.
let refused = false;

function takeSnapshot(snapshot: Snapshot): void {
  live = true;
  state.takeSnapshot(snapshot);
  render();
}

function applyFrames(deltas: LiveDelta[]): void {
  for (const delta of deltas) if (isBoardFrame(delta)) state.applyFrame(delta);
  render();
}

// ---- rendering ----------------------------------------------------------------------------------------------------
const agingChart = echarts.init(byId('aging'), undefined, { renderer: 'canvas' });
const mapChart = echarts.init(byId('map'), undefined, { renderer: 'canvas' });
window.addEventListener('resize', () => {
  agingChart.resize();
  mapChart.resize();
});

// At most about five renders a second: a clock jump can push thousands of deltas, the wall only needs the result.
let renderQueued = false;
function render(): void {
  if (renderQueued) return;
  renderQueued = true;
  setTimeout(() => {
    renderQueued = false;
    renderKpis();
    renderAging();
    renderLists();
    renderLeague();
    renderMap();
    refreshCountdowns();
  }, 200);
}

const pct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—');

function renderKpis(): void {
  const c = state.board?.counters;
  if (!c) return;
  setKpi('kpi-open', String(c.open), `${tv('Suspended')} ${c.suspended}`);
  setKpi('kpi-overdue', String(c.overdue), `${t('supervised')} ${c.supervised} · ${t('escalated')} ${c.escalated}`);
  setKpi('kpi-received-today', String(c.receivedToday), `${tv('Closed')} ${c.closedToday}`);
  setKpi('kpi-on-time-rate', pct(c.resolvedOnTimeToday, c.resolvedToday), `${c.resolvedOnTimeToday} / ${c.resolvedToday}`);
  setKpi('kpi-satisfied-rate', pct(c.satisfiedToday, c.ratedToday), `${c.satisfiedToday} / ${c.ratedToday}`);
  setKpi('kpi-patrol-coverage', pct(c.patrolsCompletedToday, c.patrolsScheduledToday), `${c.patrolsCompletedToday} / ${c.patrolsScheduledToday}`);
}

function setKpi(testId: string, value: string, sub: string): void {
  const element = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
  element.textContent = value;
  byId(`${testId}-sub`).textContent = sub;
}

function renderAging(): void {
  const aging = state.board?.counters.aging;
  if (!aging) return;
  const values = [aging.under50, aging.from50To75, aging.from75To100, aging.overdue];
  agingChart.setOption({
    animation: false,
    grid: { left: 48, right: 16, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [t('under50'), t('from50To75'), t('from75To100'), t('overdueBucket')], axisLabel: { color: '#9fb3d1', fontSize: 14 }, axisLine: { lineStyle: { color: '#2a3f5f' } } },
    yAxis: { type: 'value', axisLabel: { color: '#9fb3d1' }, splitLine: { lineStyle: { color: '#1b2a40' } } },
    series: [{
      type: 'bar', barWidth: '55%',
      data: values.map((value, i) => ({ value, itemStyle: { color: ['#2ecc71', '#f1c40f', '#e67e22', '#e74c3c'][i], borderRadius: [4, 4, 0, 0] } })),
      label: { show: true, position: 'top', color: '#e6f0ff', fontSize: 14 },
    }],
  });
}

function gridName(code: string | null | undefined): string {
  if (!code) return '—';
  return territory?.grids.find((g) => g.code === code)?.name ?? code;
}

function renderLists(): void {
  const breaching = state.breaching();
  const board = state.board;
  const breachRows = breaching.length > 0
    ? breaching.map((ticket) => `<tr data-testid="breaching-row" data-ticket-id="${esc(ticket.id)}">
        <td class="mono">${esc(ticket.id)}</td><td class="ellipsis" title="${esc(ticket.title)}">${esc(ticket.title)}</td>
        <td>${esc(tv(ticket.agingStage))}</td><td class="mono countdown" data-testid="countdown" data-deadline="${esc(ticket.deadline)}"></td></tr>`).join('')
    : (board?.breachingNext ?? []).slice(0, 10).map((b) => `<tr data-testid="breaching-row" data-ticket-id="${esc(b.ticketId)}">
        <td class="mono">${esc(b.ticketId)}</td><td class="ellipsis">${esc(b.title)}</td><td>${esc(tv(b.stage))}</td>
        <td class="mono countdown" data-testid="countdown" data-deadline="${esc(b.deadline)}"></td></tr>`).join('');
  byId('breaching').innerHTML = breachRows || `<tr><td colspan="4" class="empty">${t('none')}</td></tr>`;

  // Every overdue ticket (the panel scrolls), the freshest breach first: that is the one nobody has chased yet.
  const overdue = state.overdue().slice(0, 300);
  byId('overdue-count').textContent = String(overdue.length);
  byId('overdue').innerHTML = overdue.map((ticket) => `<tr data-testid="overdue-row" data-ticket-id="${esc(ticket.id)}">
      <td class="mono">${esc(ticket.id)}<div class="sub">${esc(gridName(ticket.gridCode))}</div></td>
      <td class="ellipsis" title="${esc(ticket.title)}">${esc(ticket.title)}<div class="sub">${esc(tv(ticket.status))}${ticket.supervision ? ` · ${esc(t('supervised'))}` : ''}</div></td>
      <td class="mono countdown" data-testid="countdown" data-deadline="${esc(ticket.deadline)}"></td>
      <td class="actions">${maySupervise ? `<button data-testid="supervise-button" data-action="Reminder" data-id="${esc(ticket.id)}">${t('supervise')}</button><button class="warn" data-testid="escalate-button" data-action="Escalation" data-id="${esc(ticket.id)}">${t('escalate')}</button>` : ''}</td></tr>`).join('')
    || `<tr><td colspan="4" class="empty">${t('none')}</td></tr>`;

  byId('recent').innerHTML = state.recent().map((ticket) => `<tr data-testid="recent-row" data-ticket-id="${esc(ticket.id)}" data-status="${esc(ticket.status)}" data-overdue="${isOverdue(ticket)}">
      <td class="mono">${esc(formatTime(ticket.lastChangedAt ?? ticket.receivedAt).slice(11))}</td><td class="mono">${esc(ticket.id)}</td>
      <td><span class="tag s-${esc(ticket.status)}">${esc(tv(ticket.status))}</span>${isOverdue(ticket) ? `<span class="tag s-late">${t('overdueBucket')}</span>` : ''}</td>
      <td class="ellipsis">${esc(ticket.title)}</td><td>${esc(gridName(ticket.gridCode))}</td></tr>`).join('')
    || `<tr><td class="empty">${t('none')}</td></tr>`;
}

function renderLeague(): void {
  const rows = [...state.streets.values()].sort((a, b) => b.counters.overdue - a.counters.overdue || onTime(b.counters) - onTime(a.counters));
  byId('league').innerHTML = rows.map((street, i) => `<tr data-testid="league-row" data-street-code="${esc(street.code)}">
      <td>${i + 1}</td><td>${esc(street.name)}</td><td class="mono">${street.counters.open}</td>
      <td class="mono ${street.counters.overdue > 0 ? 'bad' : ''}">${street.counters.overdue}</td>
      <td class="mono">${pct(street.counters.resolvedOnTimeToday, street.counters.resolvedToday)}</td></tr>`).join('')
    || `<tr><td colspan="5" class="empty">${t('none')}</td></tr>`;
}

function onTime(c: BoardCounters): number {
  return c.resolvedToday > 0 ? c.resolvedOnTimeToday / c.resolvedToday : 1;
}

const palette = [[15, 42, 74], [31, 95, 139], [241, 196, 15], [230, 126, 34], [231, 76, 60]];
/** 0..1 (of the hottest grid) → the heat palette. */
function heat(fraction: number): string {
  const x = Math.max(0, Math.min(1, fraction)) * (palette.length - 1);
  const i = Math.min(palette.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [palette[i], palette[i + 1]];
  return `rgb(${a.map((v, k) => Math.round(v + (b[k] - v) * f)).join(',')})`;
}

function renderMap(): void {
  if (!territory) return;
  const gridHotspot = state.gridHotspot;
  if (!live && gridHotspot.size === 0) {
    // Without the hub's grid hotspots: open tickets per grid, overdue counting triple.
    for (const ticket of polledOpen) if (ticket.gridCode) gridHotspot.set(ticket.gridCode, (gridHotspot.get(ticket.gridCode) ?? 0) + (isOverdue(ticket) ? 3 : 1));
  }

  const data = territory.grids.map((grid) => ({ name: grid.code, value: gridHotspot.get(grid.code) ?? 0, gridName: grid.name, street: grid.streetName }));
  const max = Math.max(0.0001, ...data.map((d) => d.value));
  const mapElement = byId('map');
  mapElement.dataset.max = max.toFixed(4);
  mapElement.dataset.hot = String(data.filter((d) => d.value > 0).length);
  mapElement.dataset.source = live ? 'hotspot' : 'open-tickets';
  const overduePoints = state.overdue().filter((ticket) => ticket.longitude != null && ticket.latitude != null)
    .map((ticket) => ({ name: ticket.id, value: [ticket.longitude, ticket.latitude], title: ticket.title }));
  // Regions are coloured here (not by a visualMap on a shared geo, which does not recolour merged updates).
  const regions = data.map((d) => ({ name: d.name, itemStyle: { areaColor: heat(d.value / max) } }));
  const byCode = new Map(data.map((d) => [d.name, d]));
  mapChart.setOption({
    animation: false,
    tooltip: {
      formatter: (p: any) => {
        if (p.seriesType === 'scatter') return `${esc(p.name)}<br/>${esc(p.data.title)}`;
        const d = byCode.get(p.name);
        return d ? `${esc(d.gridName)}<br/>${esc(d.street)}<br/>hotspot ${d.value.toFixed(2)}` : esc(p.name);
      },
    },
    geo: { map: mapName, roam: true, layoutCenter: ['50%', '50%'], layoutSize: '98%', tooltip: { show: true }, regions,
      itemStyle: { areaColor: '#0f2a4a', borderColor: '#06101f', borderWidth: 0.6 }, emphasis: { itemStyle: { areaColor: '#4aa3ff' }, label: { show: false } } },
    series: [
      { type: 'scatter', coordinateSystem: 'geo', data: overduePoints, symbolSize: 7, itemStyle: { color: '#ff4d4f', borderColor: '#fff', borderWidth: 0.5, shadowBlur: 8, shadowColor: '#ff4d4f' } },
    ],
  }, { lazyUpdate: true, replaceMerge: ['geo', 'series'] });
  byId('map-legend-max').textContent = max.toFixed(2);
}

// ---- actions ------------------------------------------------------------------------------------------------------
byId('overdue').addEventListener('click', async (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
  if (!button) return;
  const id = button.dataset.id!;
  const level = button.dataset.action!;
  const message = byId('action-msg');
  button.disabled = true;
  try {
    await api.post(`/api/tickets/${encodeURIComponent(id)}/supervise`, { actor: supervisor, level, note: level === 'Escalation' ? '指挥中心升级督办' : '指挥中心督办' });
    flash(message, `${id} ${level === 'Escalation' ? t('escalated') : t('supervised')}`, true);
  } catch (error) {
    flash(message, `${id}: ${errorText(error)}`, false);
  } finally {
    button.disabled = false;
  }
});

// ---- data sources -------------------------------------------------------------------------------------------------
async function refreshStreets(): Promise<void> {
  const districts = (state.board?.children ?? []).filter((child) => child.level === 'District');
  for (const district of districts) {
    try {
      const districtBoard = await api.get<AreaBoard>(`/api/boards/${district.code}`);
      serverClock.observe(districtBoard.readAt);
      for (const street of districtBoard.children ?? []) state.streets.set(street.code, street);
    } catch (error) {
      console.warn('district board', district.code, error);
    }
  }

  render();
}

async function poll(): Promise<void> {
  if (live || refused) return;
  try {
    const [cityBoard, list] = await Promise.all([
      api.get<AreaBoard>('/api/boards/city'),
      api.get<{ items: TicketSummary[] }>('/api/tickets?open=true&sort=Deadline&pageSize=500'),
    ]);
    if (live) return;
    serverClock.observe(cityBoard.readAt);
    state.setBoard(cityBoard);
    polledOpen = list.items;
    state.resetTickets(list.items);
    const changed = await api.get<{ items: TicketSummary[] }>('/api/tickets?sort=Changed&pageSize=8');
    state.setFeed(changed.items);
    state.gridHotspot.clear();
    render();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 403) refuse(error.detail ?? error.title);
    console.warn('poll', error);
  }
}

function refuse(reason: string): void {
  refused = true;
  showRefusal(reason);
}

const client = connectLive(undefined, { onRefused: (_, message) => refuse(message) });
bindConnection(client, () => !live);
client.subscribe('city', (_, change) => {
  if (change.kind === 'snapshot') takeSnapshot(change.snapshot);
  else applyFrames(change.deltas);
});
client.onStateChange((state) => {
  if (state === 'disconnected') live = false;
});

startCountdowns();
loadTerritory().then((loaded) => {
  territory = loaded;
  mapChart.resize();
  render();
}).catch((error) => console.warn('territory', error));

// The REST board is both the fallback (no hub yet) and the source of the street league (district boards' children).
void (async () => {
  await poll();
  await refreshStreets();
})();
setInterval(() => void poll(), 3000);
setInterval(() => void refreshStreets(), 5_000);
