import '../shared/style.css';
import { connectLive } from '../live/connect';
import { serverClock } from '../live/serverClock';
import { InspectionIndex, TicketIndex } from '../live/ticketIndex';
import { eventType, isEventDelta, type InspectionSummary, type TicketSummary, type WorkerNotification, type WorkerView } from '../live/types';
import { api, errorText, type Actor } from '../shared/api';
import { can, requireUser } from '../shared/auth';
import { bindConnection, flash, mountHeader, mountUser, showRefusal, syncDomainClock } from '../shared/chrome';
import { byId, esc } from '../shared/dom';
import { t, tv } from '../shared/i18n';
import { formatTime, refreshCountdowns, startCountdowns } from '../shared/time';

// The grid worker's phone view: my tasks live from Subscribe("worker:{id}"), accept / arrive / resolve; today's patrols.

// The signed-in grid worker's own view (their worker id from GET /api/auth/me). Only the roles that look after
// workers (administrator, command center) may pick another worker with ?worker=.
const me = await requireUser();
const mayPick = !me.workerId && can(me, 'pickWorker');
const workerId = me.workerId?.trim() || (mayPick ? new URLSearchParams(location.search).get('worker')?.trim() ?? '' : '');

mountHeader('workerTitle');
mountUser(me);
byId('app').innerHTML = `
  ${mayPick ? `<form class="picker" id="picker" data-testid="worker-picker">
    <input name="worker" data-testid="worker-id-input" placeholder="${t('workerId')} (w0001)" value="${esc(workerId)}" />
    <button type="submit" data-testid="worker-go">${t('go')}</button>
  </form>` : ''}
  ${!workerId && !mayPick ? `<div class="card empty" data-testid="not-a-worker">${esc(t('notAWorker'))}</div>` : ''}
  ${workerId ? `
  <div class="card"><h3 id="worker-name" data-testid="worker-name">${esc(workerId)}</h3><div class="meta"><span id="worker-grid"></span><span id="worker-duty"></span></div></div>
  <div id="msg" data-testid="worker-message"></div>
  <div class="section-title">${t('myTasks')} <span id="task-count" data-testid="task-count"></span></div>
  <div id="tasks" data-testid="task-list"></div>
  <div class="section-title">${t('patrols')}</div>
  <div id="patrols" data-testid="patrol-list"></div>
  <div class="section-title">${t('feed')}</div>
  <div id="feed" class="card" data-testid="worker-feed"></div>` : ''}`;

document.getElementById('picker')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = (byId<HTMLFormElement>('picker').elements.namedItem('worker') as HTMLInputElement).value.trim();
  if (value) location.search = `?worker=${encodeURIComponent(value)}`;
});

// My tasks are the tickets still waiting for me: once resolved they go to the callback desk.
const doneStatuses = ['Resolved', 'CalledBack', 'Closed', 'Merged'];
const tasks = new TicketIndex((ticket) => ticket.isOpen && ticket.assigneeWorkerId === workerId && !doneStatuses.includes(ticket.status));
const patrols = new InspectionIndex((inspection) => inspection.workerId === workerId);
let feed: WorkerNotification[] = [];
let worker: WorkerView | null = null;
let live = false;
let categories: string[] = [];
const drafts = new Map<string, string>();

const actor = (): Actor => ({ id: workerId, role: 'GridWorker', name: worker?.name ?? workerId });

function takeWorker(view: WorkerView): void {
  worker = view;
  tasks.reset(view.assignments ?? []);
  patrols.reset(view.inspections ?? []);
}

function render(): void {
  if (!workerId) return;
  // Keep what the worker is typing across re-renders.
  document.querySelectorAll<HTMLTextAreaElement>('textarea[data-notes-for]').forEach((area) => drafts.set(area.dataset.notesFor!, area.value));
  if (worker) {
    byId('worker-name').textContent = `${worker.name ?? ''} ${workerId}`;
    byId('worker-grid').textContent = `${t('grid')} ${worker.gridCode ?? '—'}`;
    byId('worker-duty').textContent = worker.onDuty ? '在岗 / on duty' : '离岗 / off duty';
  }

  const list = tasks.all().sort((a, b) => Date.parse(a.deadline ?? '9999') - Date.parse(b.deadline ?? '9999'));
  byId('task-count').textContent = `(${list.length})`;
  byId('tasks').innerHTML = list.map(taskCard).join('') || `<div class="card empty">${t('none')}</div>`;
  const today = patrols.all().sort((a, b) => Date.parse(a.windowStart) - Date.parse(b.windowStart));
  byId('patrols').innerHTML = today.map(patrolCard).join('') || `<div class="card empty">${t('none')}</div>`;
  byId('feed').innerHTML = feed.slice(0, 8).map((n) => `<div class="sub" data-testid="feed-item">${esc(formatTime(n.at).slice(11))} ${esc(n.title)}</div>`).join('') || t('none');
  refreshCountdowns();
}

function taskCard(ticket: TicketSummary): string {
  const late = ticket.isOverdue || ticket.bucket === 'Overdue';
  const can = (status: string[]) => (status.includes(ticket.status) ? '' : 'disabled');
  return `<div class="card ${late ? 'late' : ''}" data-testid="task-card" data-ticket-id="${esc(ticket.id)}" data-status="${esc(ticket.status)}">
    <div class="meta"><span class="mono">${esc(ticket.id)}</span><span class="tag s-${esc(ticket.status)}" data-testid="task-status">${esc(tv(ticket.status))}</span></div>
    <h3>${esc(ticket.title)}</h3>
    <div class="meta"><span>${esc(ticket.category ?? '')} · ${esc(ticket.address ?? '')}</span></div>
    <div class="meta"><span>${t('deadline')} ${esc(formatTime(ticket.deadline))}</span><span class="countdown mono" data-testid="task-countdown" data-deadline="${esc(ticket.deadline)}"></span></div>
    <textarea data-testid="task-notes" data-notes-for="${esc(ticket.id)}" placeholder="${t('notes')}">${esc(drafts.get(ticket.id) ?? '')}</textarea>
    <div class="buttons">
      <button type="button" data-testid="accept-button" data-act="accept" data-id="${esc(ticket.id)}" ${can(['Dispatched'])}>${t('accept')}</button>
      <button type="button" data-testid="arrive-button" data-act="arrive" data-id="${esc(ticket.id)}" ${can(['Accepted'])}>${t('arrive')}</button>
      <button type="button" class="primary" data-testid="resolve-button" data-act="resolve" data-id="${esc(ticket.id)}" ${can(['Accepted', 'OnSite'])}>${t('resolve')}</button>
    </div></div>`;
}

function patrolCard(inspection: InspectionSummary): string {
  const done = inspection.status === 'Completed' || inspection.status === 'Missed';
  return `<div class="card" data-testid="patrol-card" data-inspection-id="${esc(inspection.id)}" data-status="${esc(inspection.status)}">
    <div class="meta"><span>${esc(inspection.shift ?? inspection.kind)} · ${esc(formatTime(inspection.windowStart).slice(11))}–${esc(formatTime(inspection.windowEnd).slice(11))}</span>
      <span class="tag" data-testid="patrol-status">${esc(tv(inspection.status))}</span></div>
    <div class="meta"><span>${t('checkpoints')} ${inspection.checkpointsPassed}/${inspection.checkpointsPlanned} · ${t('findings')} ${inspection.findings}</span>
      <span class="countdown mono" data-deadline="${esc(inspection.windowEnd)}"></span></div>
    ${done ? '' : `
    <div class="row2" style="margin-top:6px">
      <select data-testid="finding-category" data-category-for="${esc(inspection.id)}">${categories.map((c) => `<option>${esc(c)}</option>`).join('')}</select>
      <input data-testid="finding-description" data-finding-for="${esc(inspection.id)}" placeholder="${t('description')}" />
    </div>
    <div class="buttons">
      <button type="button" data-testid="check-in-button" data-patrol="check-in" data-id="${esc(inspection.id)}" ${inspection.status === 'Scheduled' ? '' : 'disabled'}>${t('checkIn')}</button>
      <button type="button" data-testid="finding-button" data-patrol="finding" data-id="${esc(inspection.id)}">${t('finding')}</button>
      <button type="button" class="primary" data-testid="complete-button" data-patrol="complete" data-id="${esc(inspection.id)}">${t('complete')}</button>
    </div>`}</div>`;
}

async function ticketAction(button: HTMLButtonElement): Promise<void> {
  const id = button.dataset.id!;
  const action = button.dataset.act!;
  const notes = document.querySelector<HTMLTextAreaElement>(`textarea[data-notes-for="${CSS.escape(id)}"]`)?.value.trim() ?? '';
  const body: Record<string, unknown> = { actor: actor(), note: notes || null };
  if (action === 'resolve') {
    body.note = notes || '已处置';
    body.level = 'Grid';
  }

  try {
    const view = await api.post<{ summary: TicketSummary; readAt?: string }>(`/api/tickets/${encodeURIComponent(id)}/${action}`, body);
    serverClock.observe(view.readAt);
    tasks.upsert(view.summary);
    if (action === 'resolve') drafts.delete(id);
    flash(byId('msg'), `${id} ${tv(view.summary.status)} ✓`, true);
    render();
  } catch (error) {
    flash(byId('msg'), `${id}: ${errorText(error)}`, false);
  }
}

async function patrolAction(button: HTMLButtonElement): Promise<void> {
  const id = button.dataset.id!;
  const action = button.dataset.patrol!;
  const body: Record<string, unknown> = { actor: actor() };
  if (action === 'finding') {
    body.category = document.querySelector<HTMLSelectElement>(`select[data-category-for="${CSS.escape(id)}"]`)?.value;
    body.description = document.querySelector<HTMLInputElement>(`input[data-finding-for="${CSS.escape(id)}"]`)?.value.trim();
  }

  if (action === 'complete') body.note = '巡查完成';
  try {
    const result = await api.post<{ view: { summary: InspectionSummary }; createdTicketId?: string | null }>(`/api/inspections/${encodeURIComponent(id)}/${action}`, body);
    patrols.upsert(result.view.summary);
    flash(byId('msg'), `${id} ${tv(result.view.summary.status)} ✓${result.createdTicketId ? ` → ${result.createdTicketId}` : ''}`, true);
    render();
  } catch (error) {
    flash(byId('msg'), `${id}: ${errorText(error)}`, false);
  }
}

async function poll(): Promise<void> {
  if (live || !workerId) return;
  try {
    const view = await api.get<WorkerView>(`/api/workers/${encodeURIComponent(workerId)}`);
    if (live) return;
    takeWorker(view);
    render();
  } catch (error) {
    flash(byId('msg'), errorText(error), false);
  }
}

if (workerId) {
  byId('app').addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const ticketButton = target.closest<HTMLButtonElement>('button[data-act]');
    if (ticketButton) void ticketAction(ticketButton);
    const patrolButton = target.closest<HTMLButtonElement>('button[data-patrol]');
    if (patrolButton) void patrolAction(patrolButton);
  });

  api.get<{ code: string }[]>('/api/meta/categories').then((list) => {
    categories = list.map((c) => c.code);
    render();
  }).catch(() => undefined);

  const client = connectLive(undefined, { onRefused: (_, message) => showRefusal(message) });
  bindConnection(client, () => !live);
  client.subscribe(`worker:${workerId}`, (_, change) => {
    if (change.kind === 'snapshot') {
      live = true;
      if (change.snapshot.worker) takeWorker(change.snapshot.worker);
      if (change.snapshot.tickets) for (const ticket of change.snapshot.tickets) tasks.upsert(ticket);
      feed = [...(change.snapshot.feed ?? [])].sort((a, b) => b.sequence - a.sequence);
    } else {
      tasks.apply(change.deltas);
      patrols.apply(change.deltas);
      for (const delta of change.deltas.filter(isEventDelta)) {
        if (eventType(delta.event) === 'workernotified' && delta.event.notification) feed.unshift(delta.event.notification);
      }
    }

    render();
  });
  client.onStateChange((state) => {
    if (state === 'disconnected') live = false;
  });
  startCountdowns();
  syncDomainClock(() => (worker?.gridCode ? `/api/grids/${encodeURIComponent(worker.gridCode)}` : null), 10_000);
  void poll();
  setInterval(() => void poll(), 3000);
} else {
  bindConnection({ onStateChange: () => () => undefined, state: 'disconnected' } as never);
}
