using System.Globalization;
using System.Net;
using System.Text;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Scorecards;

namespace LiveGrid.Silo.Reports;

/// <summary>
/// Writes a report as CSV for Excel (UTF-8 with a byte-order mark so Excel reads the Chinese text, RFC 4180 quoting,
/// CRLF rows) and as a printable, self-contained HTML page (inline CSS, no script, no external assets, encoded text).
/// </summary>
public static class ReportBuilder
{
    public static string Title(ReportKind kind) => kind switch
    {
        ReportKind.Daily => "日报",
        ReportKind.Weekly => "周报",
        ReportKind.Monthly => "月度通报",
        _ => "季度考核",
    };

    /// <summary>The measures in print order, each split into its name and the formula its label states.</summary>
    public static IReadOnlyList<(KpiRate Rate, string Name, string Formula)> Measures(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        KpiRate[] rates =
        [
            report.OnTimeResolution, report.OnTimeResolutionAustin, report.Resolution, report.ImmediateResolution, report.Rework,
            report.Extension, report.Return, report.Callback, report.Response, report.Solved, report.Satisfaction,
            .. report.ResolvedAtLevel, .. report.PatrolCoverage is { } patrols ? [patrols] : Array.Empty<KpiRate>(),
        ];
        return [.. rates.Select(rate => rate.Label.Split(" = ", 2) is [var name, var formula] ? (rate, name, formula) : (rate, rate.Label, ""))];
    }

    public static byte[] Csv(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var csv = new StringBuilder();
        Row(csv, $"{content.CityName}{Title(content.Period.Kind)}", content.Period.Name,
            $"{content.Period.From:yyyy-MM-dd} 至 {content.Period.To.AddDays(-1):yyyy-MM-dd}");
        Row(csv, "受理件数", Integer(content.City.Tickets));
        csv.Append("\r\n");
        Row(csv, "指标", "名称", "分子", "分母", "比率", "公式");
        foreach (var (rate, name, formula) in Measures(content.City))
        {
            Row(csv, rate.Name, name, Integer(rate.Numerator), Integer(rate.Denominator), Decimal(rate.Rate), formula);
        }

        if (content.Rankings.Count > 0)
        {
            csv.Append("\r\n");
            Row(csv, "排名", "类别", "代码", "名称", "分子", "分母", "比率", "得分");
            foreach (var r in content.Rankings)
            {
                Row(csv, Integer(r.Rank), r.Section, r.Code, r.Name, Integer(r.Numerator), Integer(r.Denominator), Decimal(r.Rate), Decimal(r.Score));
            }
        }

        if (content.Scorecard is { } card)
        {
            csv.Append("\r\n");
            Row(csv, ScorecardTitle);
            Row(csv, [.. ScorecardHeader(card)]);
            foreach (var (rank, line) in ScorecardRows(card))
            {
                Row(csv, [rank, Kind(line.Kind), line.Code, line.Name, Integer(line.Workers), .. line.Items.Select(i => Decimal(i.Points)), Decimal(line.Total)]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Html(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var title = $"{content.CityName}{Title(content.Period.Kind)} {content.Period.Name}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n")
            .Append("<style>\n")
            .Append("body{font-family:\"Microsoft YaHei\",\"PingFang SC\",\"Noto Sans CJK SC\",sans-serif;margin:2em;color:#111}\n")
            .Append("h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:2px solid #333}\n")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;text-align:left}\n")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eee}.meta{color:#555}\n")
            .Append("@media print{body{margin:1cm;font-size:11pt}h2{page-break-after:avoid}tr{page-break-inside:avoid}th{background:none}}\n")
            .Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">统计期间：")
            .Append(E($"{content.Period.From:yyyy-MM-dd} 至 {content.Period.To.AddDays(-1):yyyy-MM-dd}"))
            .Append("　范围：").Append(E(content.City.Scope)).Append("　受理件数：").Append(Integer(content.City.Tickets))
            .Append("　生成时间：").Append(E(content.CreatedAt.ToString("yyyy-MM-dd HH:mm (UTCzzz)", CultureInfo.InvariantCulture))).Append("</p>\n");
        html.Append("<h2>主要指标</h2>\n<table>\n<tr><th>指标</th><th>公式</th><th>分子</th><th>分母</th><th>比率</th></tr>\n");
        foreach (var (rate, name, formula) in Measures(content.City))
        {
            html.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(E(formula)).Append("</td><td class=\"n\">")
                .Append(Integer(rate.Numerator)).Append("</td><td class=\"n\">").Append(Integer(rate.Denominator))
                .Append("</td><td class=\"n\">").Append(E(Percent(rate.Rate))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var section in content.Rankings.GroupBy(r => r.Section))
        {
            var scored = section.Any(r => r.Score is not null);
            html.Append("<h2>").Append(E(section.Key)).Append("</h2>\n<table>\n<tr><th>排名</th><th>代码</th><th>名称</th><th>分子</th><th>分母</th><th>比率</th>")
                .Append(scored ? "<th>得分</th>" : "").Append("</tr>\n");
            foreach (var r in section)
            {
                html.Append("<tr><td class=\"n\">").Append(Integer(r.Rank)).Append("</td><td>").Append(E(r.Code)).Append("</td><td>").Append(E(r.Name))
                    .Append("</td><td class=\"n\">").Append(Integer(r.Numerator)).Append("</td><td class=\"n\">").Append(Integer(r.Denominator))
                    .Append("</td><td class=\"n\">").Append(E(Percent(r.Rate))).Append("</td>");
                if (scored)
                {
                    html.Append("<td class=\"n\">").Append(E(Decimal(r.Score))).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</table>\n");
        }

        if (content.Scorecard is { } card)
        {
            html.Append("<h2>").Append(E(ScorecardTitle)).Append("</h2>\n<table>\n<tr>");
            foreach (var header in ScorecardHeader(card))
            {
                html.Append("<th>").Append(E(header)).Append("</th>");
            }

            html.Append("</tr>\n");
            foreach (var (rank, line) in ScorecardRows(card))
            {
                html.Append("<tr><td class=\"n\">").Append(E(rank)).Append("</td><td>").Append(E(Kind(line.Kind))).Append("</td><td>").Append(E(line.Code))
                    .Append("</td><td>").Append(E(line.Name)).Append("</td><td class=\"n\">").Append(Integer(line.Workers)).Append("</td>");
                foreach (var item in line.Items)
                {
                    html.Append("<td class=\"n\">").Append(E(Decimal(item.Points))).Append("</td>");
                }

                html.Append("<td class=\"n\"><b>").Append(E(Decimal(line.Total))).Append("</b></td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The quarterly assessment's section of the grid staff's scorecard.</summary>
    public const string ScorecardTitle = "网格员千分制考核";

    /// <summary>Rank, kind, code, name, workers, then each item as "name（max）", then the total.</summary>
    public static IReadOnlyList<string> ScorecardHeader(ScorecardReport card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return ["排名", "类别", "代码", "名称", "人数", .. card.Items.Select(i => $"{i.Name}（{Decimal(i.MaxPoints)}）"), $"总分（{Decimal(Scorecard.TotalPoints)}）"];
    }

    /// <summary>The workers ranked (ties share a rank), then the streets, communities and grids (their workers' mean), unranked.</summary>
    private static IEnumerable<(string Rank, ScorecardLine Line)> ScorecardRows(ScorecardReport card)
    {
        var rank = 0;
        double? previous = null;
        for (var i = 0; i < card.Workers.Count; i++)
        {
            if (card.Workers[i].Total != previous)
            {
                rank = i + 1;
                previous = card.Workers[i].Total;
            }

            yield return (Integer(rank), card.Workers[i]);
        }

        foreach (var area in card.Areas)
        {
            yield return ("", area);
        }
    }

    private static string Kind(ScorecardLineKind kind) => kind switch
    {
        ScorecardLineKind.Worker => "网格员",
        ScorecardLineKind.Grid => "网格平均",
        ScorecardLineKind.Community => "社区平均",
        _ => "街道平均",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(double? value) => value is { } v ? Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>One RFC 4180 record: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }
}
