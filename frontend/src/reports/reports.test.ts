import { describe, expect, it } from 'vitest';
import { filterReports, formatSize, generateReport, loadReports, renderReportRows, reportLinks, type Fetch, type ReportItem } from './reports';

const item = (kind: string, period: string, formats = ['csv', 'html'], size = 2048): ReportItem =>
  ({ kind, period, formats, size, created: '2026-11-24T22:00:00+00:00' });

const listed = [
  item('weekly', '2026-W47'),
  item('daily', '2026-11-22'),
  item('quarterly', '2026-Q3'),
  item('daily', '2026-11-23'),
  item('monthly', '2026-10'),
  item('weekly', '2026-W48'),
];

describe('reports', () => {
  it('lists daily to quarterly, newest period first, or one kind only', () => {
    expect(filterReports(listed).map((r) => `${r.kind} ${r.period}`)).toEqual([
      'daily 2026-11-23', 'daily 2026-11-22', 'weekly 2026-W48', 'weekly 2026-W47', 'monthly 2026-10', 'quarterly 2026-Q3',
    ]);
    expect(filterReports(listed, 'weekly').map((r) => r.period)).toEqual(['2026-W48', '2026-W47']);
    expect(filterReports(listed, 'monthly')).toHaveLength(1);
  });

  it('links only the formats a report has', () => {
    expect(reportLinks(item('monthly', '2026-10'))).toEqual({ csv: '/api/reports/monthly/2026-10.csv', html: '/api/reports/monthly/2026-10.html' });
    expect(reportLinks(item('daily', '2026-11-23', ['html']))).toEqual({ html: '/api/reports/daily/2026-11-23.html' });
  });

  it('renders a row per report with a CSV download and the HTML page in a new tab, text escaped', () => {
    const html = renderReportRows([item('quarterly', '2026-Q3'), item('<b>x</b>', 'p"1', ['csv'], 10)], 'zh', (iso) => `t:${iso}`);

    expect(html.match(/data-testid="report-row"/g)).toHaveLength(2);
    expect(html).toContain('<td>季度考核</td><td class="mono">2026-Q3</td><td>t:2026-11-24T22:00:00+00:00</td><td>2.0 KB</td>');
    expect(html).toContain('href="/api/reports/quarterly/2026-Q3.csv" download="quarterly-2026-Q3.csv"');
    expect(html).toContain('href="/api/reports/quarterly/2026-Q3.html" target="_blank" rel="noopener noreferrer"');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('/api/reports/%3Cb%3Ex%3C%2Fb%3E/p%221.csv');
    expect(renderReportRows([], 'en', String)).toContain('No reports yet');
  });

  it('formats sizes', () => {
    expect([formatSize(900), formatSize(2048), formatSize(3 * 1024 * 1024)]).toEqual(['900 B', '2.0 KB', '3.0 MB']);
  });

  it('loads the list and makes the last period of a kind, telling made from already there and passing on a refusal', async () => {
    const calls: string[] = [];
    const answers: Record<string, { status: number; body: unknown }> = {
      'GET /api/reports': { status: 200, body: listed },
      'POST /api/reports/monthly': { status: 201, body: item('monthly', '2026-11') },
      'POST /api/reports/weekly': { status: 200, body: item('weekly', '2026-W48') },
      'POST /api/reports/quarterly': { status: 400, body: { title: 'One or more validation errors occurred.', errors: { period: ['The period 2026-Q4 is not over yet.'] } } },
      'POST /api/reports/daily': { status: 503, body: { title: 'Service Unavailable', detail: 'Storage is down.' } },
    };
    const fake: Fetch = async (input, init) => {
      const key = `${init?.method ?? 'GET'} ${input}`;
      calls.push(key);
      const answer = answers[key]!;
      return { ok: answer.status < 300, status: answer.status, json: async () => answer.body };
    };

    expect(await loadReports(fake)).toHaveLength(6);
    expect(await generateReport('monthly', fake)).toEqual({ item: item('monthly', '2026-11'), created: true });
    expect((await generateReport('weekly', fake)).created).toBe(false);
    await expect(generateReport('quarterly', fake)).rejects.toThrow('The period 2026-Q4 is not over yet.');
    await expect(generateReport('daily', fake)).rejects.toThrow('Storage is down.');
    expect(calls).toEqual(['GET /api/reports', 'POST /api/reports/monthly', 'POST /api/reports/weekly', 'POST /api/reports/quarterly', 'POST /api/reports/daily']);
  });
});
