// The stored reports (日报, 周报, 月度通报, 季度考核) as GET /api/reports lists them: filtering, links and the table rows.
// Pure (no DOM, no globals): reportsPanel.ts mounts it; reports.test.ts checks it.

export type ReportKind = 'daily' | 'weekly' | 'monthly' | 'quarterly';

export const reportKinds: readonly ReportKind[] = ['daily', 'weekly', 'monthly', 'quarterly'];

/** One stored report: its formats (csv, html), their total size in bytes and when it was made (UTC ISO). */
export interface ReportItem {
  kind: string;
  period: string;
  formats: string[];
  size: number;
  created: string;
}

type Lang = 'zh' | 'en';

const labels = {
  zh: {
    title: '统计报表', all: '全部', refresh: '刷新', generate: '生成上期', kind: '类别', period: '期间', created: '生成时间',
    size: '大小', files: '文件', none: '暂无报表', csv: '下载 CSV', html: '打开网页版',
    daily: '日报', weekly: '周报', monthly: '月度通报', quarterly: '季度考核', generated: '已生成', exists: '已存在',
  },
  en: {
    title: 'Reports', all: 'All', refresh: 'Refresh', generate: 'Make last period', kind: 'Kind', period: 'Period', created: 'Made',
    size: 'Size', files: 'Files', none: 'No reports yet', csv: 'Download CSV', html: 'Open HTML',
    daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly bulletin', quarterly: 'Quarterly assessment', generated: 'Made', exists: 'Already made',
  },
} as const;

export type ReportLabel = keyof (typeof labels)['zh'];

export function reportLabel(key: ReportLabel, lang: Lang): string {
  return labels[lang][key];
}

export function kindLabel(kind: string, lang: Lang): string {
  return (reportKinds as readonly string[]).includes(kind) ? labels[lang][kind as ReportKind] : kind;
}

/** The reports of one kind (all when none is given), daily → quarterly, newest period first within a kind. */
export function filterReports(items: readonly ReportItem[], kind: ReportKind | '' = ''): ReportItem[] {
  const order = (k: string) => {
    const index = (reportKinds as readonly string[]).indexOf(k);
    return index < 0 ? reportKinds.length : index;
  };
  return items
    .filter((item) => !kind || item.kind === kind)
    .slice()
    .sort((a, b) => order(a.kind) - order(b.kind) || (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
}

/** Where a stored report's formats are served; only the formats it has. */
export function reportLinks(item: ReportItem): { csv?: string; html?: string } {
  const base = `/api/reports/${encodeURIComponent(item.kind)}/${encodeURIComponent(item.period)}`;
  return {
    ...(item.formats.includes('csv') ? { csv: `${base}.csv` } : {}),
    ...(item.formats.includes('html') ? { html: `${base}.html` } : {}),
  };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * The table body: one row per report with its kind, period, time made, size, a CSV download and the HTML page in a
 * new tab (the page is inert: the server serves it with a CSP that runs nothing).
 */
export function renderReportRows(items: readonly ReportItem[], lang: Lang, formatTime: (iso: string) => string): string {
  if (items.length === 0) return `<tr><td colspan="5" class="sub" data-testid="reports-empty">${esc(labels[lang].none)}</td></tr>`;
  return items
    .map((item) => {
      const links = reportLinks(item);
      const csv = links.csv
        ? `<a href="${esc(links.csv)}" download="${esc(`${item.kind}-${item.period}.csv`)}" data-testid="report-csv">${esc(labels[lang].csv)}</a>`
        : '';
      const html = links.html
        ? `<a href="${esc(links.html)}" target="_blank" rel="noopener noreferrer" data-testid="report-html">${esc(labels[lang].html)}</a>`
        : '';
      return `<tr data-testid="report-row" data-kind="${esc(item.kind)}" data-period="${esc(item.period)}">`
        + `<td>${esc(kindLabel(item.kind, lang))}</td><td class="mono">${esc(item.period)}</td><td>${esc(formatTime(item.created))}</td>`
        + `<td>${esc(formatSize(item.size))}</td><td>${[csv, html].filter(Boolean).join(' · ')}</td></tr>`;
    })
    .join('');
}

export type Fetch = (input: string, init?: { method?: string; headers?: Record<string, string> }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/** GET /api/reports. */
export async function loadReports(fetchFn: Fetch): Promise<ReportItem[]> {
  const response = await fetchFn('/api/reports', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/reports: HTTP ${response.status}`);
  return (await response.json()) as ReportItem[];
}

/**
 * POST /api/reports/{kind}: makes the last period of that kind that is over (the server picks it) unless it exists.
 * Resolves to the item and whether it was made now (201) or already there (200); a refusal rejects with its detail.
 */
export async function generateReport(kind: ReportKind, fetchFn: Fetch): Promise<{ item: ReportItem; created: boolean }> {
  const response = await fetchFn(`/api/reports/${kind}`, { method: 'POST', headers: { Accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as
    | (ReportItem & { detail?: string; title?: string; errors?: Record<string, string[]> })
    | undefined;
  if (!response.ok) {
    // A validation problem says why in its errors (e.g. the period is not over yet).
    const errors = body?.errors ? Object.values(body.errors).flat().join('; ') : '';
    throw new Error(body?.detail ?? (errors || body?.title) ?? `POST /api/reports/${kind}: HTTP ${response.status}`);
  }

  return { item: body as ReportItem, created: response.status === 201 };
}
