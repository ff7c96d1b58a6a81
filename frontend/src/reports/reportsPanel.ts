import { esc } from '../shared/dom';
import { lang } from '../shared/i18n';
import { formatTime } from '../shared/time';
import {
  filterReports, generateReport, kindLabel, loadReports, renderReportRows, reportKinds, reportLabel, type Fetch, type ReportItem, type ReportKind,
} from './reports';

/**
 * A small reports panel (统计报表): the stored reports by kind and period, CSV download, the HTML page in a new tab,
 * and "make last period" for the selected kind. Mounted into an empty element by the page that shows it.
 */
export function mountReportsPanel(container: HTMLElement, fetchFn: Fetch = (input, init) => fetch(input, init)): { refresh(): Promise<void> } {
  const l = lang();
  container.classList.add('panel');
  container.dataset.testid = 'reports-panel';
  container.innerHTML = `
    <h2>${esc(reportLabel('title', l))}
      <select data-testid="reports-kind" style="width:auto">
        <option value="">${esc(reportLabel('all', l))}</option>
        ${reportKinds.map((k) => `<option value="${k}">${esc(kindLabel(k, l))}</option>`).join('')}
      </select>
      <button type="button" data-testid="reports-refresh">${esc(reportLabel('refresh', l))}</button>
      <button type="button" data-testid="reports-generate" disabled>${esc(reportLabel('generate', l))}</button>
    </h2>
    <div data-testid="reports-message" class="sub"></div>
    <table class="list">
      <thead><tr><th>${esc(reportLabel('kind', l))}</th><th>${esc(reportLabel('period', l))}</th><th>${esc(reportLabel('created', l))}</th>`
      + `<th>${esc(reportLabel('size', l))}</th><th>${esc(reportLabel('files', l))}</th></tr></thead>
      <tbody data-testid="reports-list"></tbody>
    </table>`;

  const select = container.querySelector<HTMLSelectElement>('[data-testid="reports-kind"]')!;
  const refreshButton = container.querySelector<HTMLButtonElement>('[data-testid="reports-refresh"]')!;
  const generateButton = container.querySelector<HTMLButtonElement>('[data-testid="reports-generate"]')!;
  const message = container.querySelector<HTMLElement>('[data-testid="reports-message"]')!;
  const body = container.querySelector<HTMLElement>('[data-testid="reports-list"]')!;
  let items: ReportItem[] = [];

  const render = () => {
    body.innerHTML = renderReportRows(filterReports(items, select.value as ReportKind | ''), l, formatTime);
    generateButton.disabled = !select.value;
  };

  const refresh = async () => {
    try {
      items = await loadReports(fetchFn);
      message.textContent = '';
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }

    render();
  };

  select.addEventListener('change', render);
  refreshButton.addEventListener('click', () => void refresh());
  generateButton.addEventListener('click', async () => {
    if (!select.value) return;
    generateButton.disabled = true;
    try {
      const { item, created } = await generateReport(select.value as ReportKind, fetchFn);
      message.textContent = `${reportLabel(created ? 'generated' : 'exists', l)}: ${kindLabel(item.kind, l)} ${item.period}`;
      await refresh();
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
      render();
    }
  });

  void refresh();
  return { refresh };
}
