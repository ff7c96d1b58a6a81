import '../shared/style.css';
import { connectLive } from '../live/connect';
import { serverClock } from '../live/serverClock';
import { isEventDelta, type TicketSummary } from '../live/types';
import { api, errorText, type Actor } from '../shared/api';
import { echarts } from '../shared/charts';
import { can, requireUser } from '../shared/auth';
import { bindConnection, flash, mountHeader, mountUser, showRefusal, syncDomainClock } from '../shared/chrome';
import { byId, esc, maskPhone } from '../shared/dom';
import { t, tv } from '../shared/i18n';
import { findGrid, loadTerritory, mapName, type Territory } from '../shared/territory';
import { formatTime } from '../shared/time';
import { mountReportsPanel } from '../reports/reportsPanel';

// The operator console (受理台): intake → duplicates (merge or keep) → dispatch with the computed deadline; callback queue.

interface TicketView {
  summary: TicketSummary;
  duplicateCandidates?: { ticketId: string; category: string; distanceMeters: number; receivedAt: string; status: string }[];
  allowedActions?: string[];
  readAt?: string;
}

// Signed in first (else to the sign-in page); intake, dispatch and callback only for the roles that do them.
const me = await requireUser();
const mayIntake = can(me, 'intake');
const mayDispatch = can(me, 'dispatch');
const mayCallBack = can(me, 'callback');
const operator: Actor = { id: me.userName, role: 'HotlineOperator', name: me.displayName || me.userName };
const kinds = ['Complaint', 'Help', 'Report', 'Inquiry', 'Suggestion', 'Praise'];

mountHeader('consoleTitle');
mountUser(me);
byId('app').innerHTML = `
  <section class="panel">
    <h2>${t('intake')}</h2>
    <form id="intake" data-testid="intake-form" autocomplete="off">
      <div class="row2">
        <div><label>${t('callerName')}</label><input data-testid="intake-caller-name" name="callerName" /></div>
        <div><label>${t('callerPhone')}</label><input data-testid="intake-caller-phone" name="callerPhone" inputmode="tel" /></div>
      </div>
      <div class="row2">
        <div><label>${t('kind')}</label><select data-testid="intake-kind" name="kind">${kinds.map((k) => `<option value="${k}">${tv(k)}</option>`).join('')}</select></div>
        <div><label>${t('priority')}</label><select data-testid="intake-priority" name="priority"><option value="Normal">${t('normal')}</option><option value="Urgent">${t('urgent')}</option></select></div>
      </div>
      <label>${t('category')}</label><select data-testid="intake-category" name="category"></select>
      <label>${t('location')} <span class="sub">(${t('pickOnMap')})</span></label>
      <div class="row2">
        <input data-testid="intake-lng" name="lng" placeholder="${t('lng')}" />
        <input data-testid="intake-lat" name="lat" placeholder="${t('lat')}" />
      </div>
      <div class="sub" data-testid="intake-grid" id="grid-found">—</div>
      <label>${t('address')}</label><input data-testid="intake-address" name="address" />
      <label>${t('description')}</label><textarea data-testid="intake-description" name="description" rows="4"></textarea>
      <div class="buttons">${mayIntake ? `<button class="primary" type="submit" data-testid="intake-submit">${t('submit')}</button>` : ''}</div>
      <div id="intake-msg" data-testid="intake-message"></div>
    </form>
  </section>
  <section class="panel">
    <h2>${t('location')}</h2>
    <div id="map" class="chart console-map" data-testid="intake-map"></div>
    <div id="result" class="result" data-testid="created-ticket" hidden></div>
  </section>
  <section class="panel">
    <h2>${t('callbackQueue')} <button type="button" id="cb-refresh" data-testid="callback-refresh">${t('refresh')}</button></h2>
    <div id="cb-msg" data-testid="callback-message"></div>
    <table class="list"><tbody id="callbacks" data-testid="callback-queue"></tbody></table>
  </section>
  ${can(me, 'reports') ? '<section id="reports"></section>' : ''}`;
// Reports are the assessors' and the command center's: an operator's console has no panel that would only say 403.
if (can(me, 'reports')) mountReportsPanel(byId('reports'));
else byId('app').classList.add('no-reports');

const form = byId<HTMLFormElement>('intake');
const field = <T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name: string) => form.elements.namedItem(name) as T;
let territory: Territory | null = null;

// ---- phone masking: the number is kept, only the display is masked once entered ----------------------------------
const phone = field<HTMLInputElement>('callerPhone');
phone.addEventListener('blur', () => {
  const raw = phone.value.trim();
  if (!raw || raw.includes('*')) return;
  phone.dataset.raw = raw;
  phone.value = maskPhone(raw);
});
phone.addEventListener('focus', () => {
  if (!phone.dataset.raw || !phone.value.includes('*')) return;
  // Unmasked and selected: typing replaces the number instead of appending to it (the restored value drops the selection).
  phone.value = phone.dataset.raw;
  phone.select();
});
const phoneValue = () => (phone.value.includes('*') ? phone.dataset.raw ?? '' : phone.value.trim());

// ---- categories ---------------------------------------------------------------------------------------------------
api.get<{ code: string; group: string }[]>('/api/meta/categories').then((categories) => {
  const groups = new Map<string, string[]>();
  for (const c of categories) groups.set(c.group, [...(groups.get(c.group) ?? []), c.code]);
  field<HTMLSelectElement>('category').innerHTML = [...groups].map(([group, codes]) =>
    `<optgroup label="${esc(group)}">${codes.map((code) => `<option value="${esc(code)}">${esc(code)}</option>`).join('')}</optgroup>`).join('');
}).catch((error) => flash(byId('intake-msg'), errorText(error), false));

// ---- map: grid polygons; a click sets the location -----------------------------------------------------------------
const chart = echarts.init(byId('map'));
function drawMap(point?: [number, number]): void {
  if (!territory) return;
  chart.setOption({
    tooltip: { formatter: (p: any) => esc(territory?.grids.find((g) => g.code === p.name)?.name ?? p.name) },
    geo: { map: mapName, roam: true, itemStyle: { areaColor: '#0f2a4a', borderColor: '#2a5a8a', borderWidth: 0.5 }, emphasis: { itemStyle: { areaColor: '#1f5f8b' }, label: { show: false } } },
    series: [{ type: 'scatter', coordinateSystem: 'geo', data: point ? [point] : [], symbolSize: 16, itemStyle: { color: '#ff4d4f' } }],
  });
}

chart.getZr().on('click', (event) => {
  const coord = chart.convertFromPixel('geo', [event.offsetX, event.offsetY]) as number[] | undefined;
  if (!coord) return;
  field<HTMLInputElement>('lng').value = coord[0].toFixed(6);
  field<HTMLInputElement>('lat').value = coord[1].toFixed(6);
  showGrid();
});

function showGrid(): void {
  const lng = Number(field<HTMLInputElement>('lng').value);
  const lat = Number(field<HTMLInputElement>('lat').value);
  const element = byId('grid-found');
  if (!territory || !Number.isFinite(lng) || !Number.isFinite(lat) || !field<HTMLInputElement>('lng').value) {
    element.textContent = '—';
    return;
  }

  const grid = findGrid(territory, lng, lat);
  element.textContent = grid ? `${t('gridFound')}: ${grid.streetName} / ${grid.communityName} / ${grid.name} (${grid.code})` : t('noGrid');
  element.dataset.gridCode = grid?.code ?? '';
  drawMap([lng, lat]);
}

field<HTMLInputElement>('lng').addEventListener('change', showGrid);
field<HTMLInputElement>('lat').addEventListener('change', showGrid);
loadTerritory().then((loaded) => {
  territory = loaded;
  drawMap();
}).catch((error) => flash(byId('intake-msg'), errorText(error), false));

// ---- intake -------------------------------------------------------------------------------------------------------
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!mayIntake) return;
  const message = byId('intake-msg');
  const lng = field<HTMLInputElement>('lng').value.trim();
  const lat = field<HTMLInputElement>('lat').value.trim();
  const body = {
    actor: operator,
    source: 'Hotline',
    callerName: field<HTMLInputElement>('callerName').value.trim() || null,
    callerPhone: phoneValue() || null,
    kind: field<HTMLSelectElement>('kind').value,
    category: field<HTMLSelectElement>('category').value || null,
    priority: field<HTMLSelectElement>('priority').value,
    longitude: lng ? Number(lng) : null,
    latitude: lat ? Number(lat) : null,
    address: field<HTMLInputElement>('address').value.trim() || null,
    description: field<HTMLTextAreaElement>('description').value.trim(),
  };
  try {
    const view = await api.post<TicketView>('/api/tickets', body);
    flash(message, `${t('created')} ${view.summary.id}`, true);
    showResult(view);
    follow(view.summary.id);
  } catch (error) {
    flash(message, errorText(error), false);
  }
});

function showResult(view: TicketView, note = ''): void {
  const s = view.summary;
  serverClock.observe(view.readAt);
  const result = byId('result');
  result.hidden = false;
  result.dataset.ticketId = s.id;
  const duplicates = view.duplicateCandidates ?? [];
  const suspected = s.suspectedDuplicateOf;
  const canDispatch = mayDispatch && (view.allowedActions?.includes('Dispatch') ?? true);
  result.innerHTML = `
    <dl class="kv">
      <dt>${t('ticket')}</dt><dd class="mono" data-testid="created-ticket-id">${esc(s.id)}</dd>
      <dt>${t('status')}</dt><dd data-testid="created-ticket-status" data-status="${esc(s.status)}">${esc(tv(s.status))}</dd>
      <dt>${t('grid')}</dt><dd>${esc(s.gridCode ?? '—')}</dd>
      <dt>${t('assignee')}</dt><dd data-testid="created-ticket-assignee">${esc(s.assigneeWorkerId ?? s.leadUnitId ?? '—')}</dd>
      <dt>${t('computedDeadline')}</dt><dd data-testid="dispatch-deadline" data-deadline-utc="${esc(s.deadline)}">${esc(formatTime(s.deadline))} <span class="sub">(${esc(tv(s.agingStage))}, Asia/Shanghai)</span></dd>
    </dl>
    ${duplicates.length > 0 || suspected ? `
      <h2 style="margin-top:10px">${t('duplicates')}</h2>
      <table class="list" data-testid="duplicate-list"><tbody>
        ${(duplicates.length > 0 ? duplicates : [{ ticketId: suspected!, category: s.category ?? '', distanceMeters: NaN, receivedAt: '', status: '' }]).map((d) => `
          <tr data-testid="duplicate-row" data-ticket-id="${esc(d.ticketId)}"><td class="mono">${esc(d.ticketId)}</td><td>${esc(d.category)}</td>
          <td>${Number.isFinite(d.distanceMeters) ? `${Math.round(d.distanceMeters)} m` : ''}</td><td>${esc(tv(d.status))}</td>
          <td>${mayIntake ? `<button type="button" data-testid="merge-button" data-merge="${esc(d.ticketId)}">${t('merge')}</button>` : ''}</td></tr>`).join('')}
      </tbody></table>
      <div class="buttons"><button type="button" data-testid="keep-button" id="keep">${t('keep')}</button></div>` : ''}
    <div class="buttons">${canDispatch ? `<button class="primary" type="button" data-testid="dispatch-button" id="dispatch">${t('dispatch')}</button>` : ''}</div>
    <div id="result-msg" data-testid="dispatch-message">${esc(note)}</div>`;

  result.querySelector('#dispatch')?.addEventListener('click', () => act(s.id, 'dispatch', { note: '受理台派单' }, t('dispatched')));
  result.querySelector('#keep')?.addEventListener('click', () => {
    result.querySelector('[data-testid="duplicate-list"]')?.remove();
    result.querySelector('#keep')?.remove();
  });
  result.querySelectorAll<HTMLButtonElement>('[data-merge]').forEach((button) =>
    button.addEventListener('click', () => act(s.id, 'merge', { originalTicketId: button.dataset.merge, note: '受理台合并重复件' }, t('merge'))));
}

async function act(id: string, action: string, extra: Record<string, unknown>, done: string): Promise<void> {
  try {
    const view = await api.post<TicketView>(`/api/tickets/${encodeURIComponent(id)}/${action}`, { actor: operator, ...extra });
    showResult(view, `${done} ✓`);
    const message = byId('result-msg');
    flash(message, `${done} ✓ ${view.summary.deadline ? `${t('computedDeadline')} ${formatTime(view.summary.deadline)}` : ''}`, true);
  } catch (error) {
    flash(byId('result-msg'), errorText(error), false);
  }
}

// ---- callback queue: resolved tickets; a rating is the callback, then the ticket is closed -----------------------
async function loadCallbacks(): Promise<void> {
  try {
    const list = await api.get<{ items: TicketSummary[]; total: number }>('/api/tickets?status=Resolved&sort=Changed&pageSize=30');
    byId('callbacks').innerHTML = list.items.map((ticket) => `
      <tr data-testid="callback-row" data-ticket-id="${esc(ticket.id)}">
        <td><div class="mono">${esc(ticket.id)}</div><div class="sub">${esc(ticket.title)}</div><div class="sub">${t('resolve')} ${esc(formatTime(ticket.resolvedAt))}</div></td>
        <td class="actions">${mayCallBack ? `
          <button type="button" data-testid="rate-Satisfied" data-rate="Satisfied" data-id="${esc(ticket.id)}">${t('satisfied')}</button>
          <button type="button" data-testid="rate-BasicallySatisfied" data-rate="BasicallySatisfied" data-id="${esc(ticket.id)}">${t('basicallySatisfied')}</button>
          <button type="button" class="warn" data-testid="rate-Unsatisfied" data-rate="Unsatisfied" data-id="${esc(ticket.id)}">${t('unsatisfied')}</button>` : ''}
        </td></tr>`).join('') || `<tr><td class="empty">${t('none')}</td></tr>`;
  } catch (error) {
    flash(byId('cb-msg'), errorText(error), false);
  }
}

byId('callbacks').addEventListener('click', async (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-rate]');
  if (!button) return;
  const id = button.dataset.id!;
  const message = byId('cb-msg');
  try {
    await api.post(`/api/tickets/${encodeURIComponent(id)}/callback`, { actor: operator, rating: button.dataset.rate, note: '回访' });
    await api.post(`/api/tickets/${encodeURIComponent(id)}/close`, { actor: operator, note: '回访后结案' });
    flash(message, `${id} ${tv('Closed')} ✓`, true);
  } catch (error) {
    flash(message, `${id}: ${errorText(error)}`, false);
  }

  await loadCallbacks();
});
byId('cb-refresh').addEventListener('click', () => void loadCallbacks());
void loadCallbacks();
setInterval(() => void loadCallbacks(), 15_000);

// The created ticket is followed live (scope "ticket:{id}"): its status changes as the worker acts on it.
const client = connectLive(undefined, { onRefused: (_, message) => showRefusal(message) });
bindConnection(client);
syncDomainClock(() => '/api/boards/city', 15_000);
let following: (() => void) | null = null;
function follow(id: string): void {
  following?.();
  following = client.subscribe(`ticket:${id}`, (_, change) => {
    const summaries = change.kind === 'deltas' ? change.deltas.filter(isEventDelta).map((d) => d.event.summary as TicketSummary | undefined) : [];
    for (const summary of summaries) {
      if (!summary || summary.id !== id || byId('result').dataset.ticketId !== id) continue;
      const status = document.querySelector<HTMLElement>('[data-testid="created-ticket-status"]');
      if (status) {
        status.textContent = tv(summary.status);
        status.dataset.status = summary.status;
      }
    }
  });
}
