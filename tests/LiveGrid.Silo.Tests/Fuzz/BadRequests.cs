using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveGrid.Silo.Api.Tickets;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>
/// Generates requests that must be refused, from a seeded <see cref="Random"/>: every state-changing request is invalid
/// by construction (malformed or wrongly typed body, no valid actor, a missing resource, an action the ticket's status
/// does not allow, a stale version, an oversized field, a wrong content type), so a 2xx to one is itself a finding.
/// Reads (GET) may succeed; they only must not fail with 5xx or answer a refusal without problem+json.
/// </summary>
internal sealed class BadRequests(Random random, FuzzFixture fixture)
{
    private static readonly string[] BadIds =
    [
        "-1", "0", "99999999999999999999999999", "20261123-000001x", "20261123-999999", "..%2F..%2Fetc%2Fpasswd",
        "%2E%2E", "%2e%2e%5c%2e%2e%5cwindows", "工单", "%F0%9F%98%80", "%00", "%20", "null", "%7Bid%7D", "a%2Fb",
        "<script>alert(1)<%2Fscript>", "'%3B DROP TABLE tickets;--", "%E2%80%AE", "1e309", "NaN", "true",
        "%C0%AF", "ticket%0D%0AX-Injected:%201",
    ];

    private static readonly string[] Fields =
    [
        "actor", "expectedVersion", "note", "reason", "unitId", "helperUnitIds", "toUnitId", "category", "priority", "kind",
        "rating", "level", "limit", "approved", "passed", "source", "originalTicketId", "description", "callerName",
        "callerPhone", "address", "longitude", "latitude", "gridCode", "checkpoint", "resolvedOnSpot", "resolution",
        "workerId", "windowHours", "onDuty", "stage", "grids", "workers", "departments",
    ];

    private static readonly string[] WrongValues =
    [
        "12345", "-1", "1e400", "-1e400", "99999999999999999999", "true", "false", "[]", "[1,\"a\",null]", "{}",
        "{\"nested\":{\"deeper\":[]}}", "\"text\"", "\"\"", "\"NaN\"", "\"-Infinity\"", "0.5", "\"2026-13-45\"",
        "\"\\u0000\"", "\"\\ud800\"",
    ];

    /// <summary>Actors that can never pass: missing, wrongly typed or incomplete.</summary>
    private static readonly string[] BadActors =
    [
        "5", "\"op1\"", "[]", "true", "{}", "{\"id\":1}", "{\"id\":\"a\",\"role\":\"Nope\",\"name\":\"b\"}",
        "{\"id\":\"a\",\"role\":99,\"name\":\"b\"}", "{\"id\":\"\",\"role\":\"Dispatcher\",\"name\":\"\"}",
        "{\"id\":\"a\",\"role\":\"Dispatcher\"}", "{\"id\":\"   \",\"role\":\"Dispatcher\",\"name\":\"n\"}",
        "{\"id\":[\"a\"],\"role\":\"Dispatcher\",\"name\":\"n\"}",
    ];

    private static readonly string[] Malformed =
    [
        "{", "}", "{\"actor\":", "{\"actor\":{\"id\":\"a\"", "nul", "[1,2", "\"unterminated", "{'single':'quotes'}",
        "{\"a\":1,}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":\"\\x\"}", "\u00EF\u00BB\u00BF{", "<xml/>", "undefined", "NaN",
        "{\"a\":1}{\"b\":2}", "\u0000", "{\"actor\":{\"id\":\"a\",\"role\":\"Dispatcher\",\"name\":\"n\"},\"expectedVersion\":}",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=zzz",
        "application/json; charset=utf-16", "application/octet-stream", "image/png", "text/csv", "application/problem+json", "nonsense",
    ];

    /// <summary>Forms that are not quite multipart, or are but carry no usable photo or territory file.</summary>
    private static readonly string[] BadMultipart =
    [
        "--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nnot an image\r\n--zzz\r\nContent-Disposition: form-data; name=\"stage\"\r\n\r\nbefore\r\n--zzz--\r\n",
        "--zzz\r\nContent-Disposition: form-data; name=\"grids\"; filename=\"grids.csv\"\r\n\r\nCode,Name\r\n1,x\r\n--zzz--\r\n",
        "--zzz\r\nBroken header without colon\r\n\r\nx\r\n--zzz--\r\n",
        "--zzz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated",
        "--zzz--\r\n",
        "--other\r\n\r\n--other--",
        "",
    ];

    private static readonly string[] QueryKeys =
    [
        "page", "pageSize", "status", "category", "grid", "community", "street", "territory", "unit", "worker", "open", "overdue",
        "bucket", "source", "from", "to", "q", "sort", "scope", "file", "period", "after", "limit", "unknown",
    ];

    private static readonly string[] QueryValues =
    [
        "-1", "0", "99999999999", "2147483648", "abc", "", "%00", "Nope", "maybe", "2026-02-30", "2026-11-23T99:00", "1e9", "NaN",
        "%E5%B7%A5%E5%8D%95", "city", "unit%3A", "worker%3A%3F", "2026-W99", "2026-Q5", "..%2F..", "%FF", "true", "7",
    ];

    private static readonly string[] BadPeriods = ["2026-13", "2026-02-30", "tomorrow", "2099-01-01", "2099-W01", "2026-Q9", "%00", "9999999999"];

    private static readonly Dictionary<string, string> KindBySegment =
        TicketActionRoute.All.ToDictionary(r => r.Segment, r => r.Kind.ToString(), StringComparer.Ordinal);

    public FuzzShot Next(FuzzEndpoint endpoint)
    {
        var shot = NeverValid(endpoint.Mutates ? Mutating(endpoint) : Read(endpoint));

        // A share of every kind comes as a concurrent burst of the same request. Not the OpenAPI document: it is
        // generated anew for each request, and a burst of them takes seconds each on a loaded machine (a known cost).
        return random.NextDouble() < 0.08 && !endpoint.Pattern.StartsWith("/openapi", StringComparison.Ordinal)
            ? shot with { Burst = random.Next(4, 17) }
            : shot;
    }

    /// <summary>
    /// The fixed part, sent to every state-changing endpoint whatever the seed: each broken multipart form (the
    /// upload and import endpoints read multipart by hand) and each malformed JSON text, on a real resource.
    /// </summary>
    public IEnumerable<FuzzShot> Corpus(FuzzEndpoint endpoint)
    {
        if (!endpoint.Mutates)
        {
            yield break;
        }

        foreach (var form in BadMultipart)
        {
            yield return NeverValid(new FuzzShot("bad-multipart", endpoint, endpoint.Method, Route(endpoint, good: true), Json(form), "multipart/form-data; boundary=zzz"));
        }

        foreach (var text in Malformed)
        {
            yield return NeverValid(new FuzzShot("malformed-json", endpoint, endpoint.Method, Route(endpoint, good: true), Json(text), "application/json"));
        }
    }

    /// <summary>
    /// Generating a report reads no body: without a period (or with an empty one) the last period's report is made.
    /// Such a request always names a bad period, so it stays a refusal.
    /// </summary>
    private FuzzShot NeverValid(FuzzShot shot)
    {
        if (shot.Endpoint.Pattern != "/api/reports/{kind}")
        {
            return shot;
        }

        var query = shot.Path.IndexOf('?', StringComparison.Ordinal);
        return shot with { Path = (query < 0 ? shot.Path : shot.Path[..query]) + "?period=" + Pick(BadPeriods) };
    }

    /// <summary>A request at a route of the host with a method it does not map (405), or a path nothing maps (404).</summary>
    public FuzzShot Unrouted(FuzzEndpoint endpoint)
    {
        var method = Pick(["DELETE", "PATCH", "PUT", "POST"]);
        return random.Next(3) == 0
            ? new FuzzShot("unknown-route", endpoint, Pick(["GET", "POST"]), "/api/" + Pick(["nope", "tickets/x/y/z/w", "boards", "evidence", "%2e%2e/%2e%2e/etc/passwd"]))
            : new FuzzShot("wrong-method", endpoint, method == endpoint.Method ? "DELETE" : method, Route(endpoint, good: true), Json("{}"), "application/json");
    }

    private FuzzShot Read(FuzzEndpoint endpoint)
    {
        var good = random.NextDouble() < 0.5;
        var path = Route(endpoint, good);
        var category = good ? "bad-query" : "bad-route";
        if (random.NextDouble() < 0.7)
        {
            path += Query();
        }
        else if (!good)
        {
            category = "bad-route";
        }

        return new FuzzShot(category, endpoint, endpoint.Method, path);
    }

    private FuzzShot Mutating(FuzzEndpoint endpoint)
    {
        var segment = endpoint.Pattern.Split('/').Last();
        var isTicketAction = endpoint.Pattern.StartsWith("/api/tickets/{id}/", StringComparison.Ordinal) && KindBySegment.ContainsKey(segment);
        var roll = random.Next(isTicketAction ? 10 : 8);
        return roll switch
        {
            0 => new FuzzShot("malformed-json", endpoint, endpoint.Method, Route(endpoint, Coin()), Json(Pick(Malformed)), "application/json"),
            1 => new FuzzShot("wrong-types", endpoint, endpoint.Method, Route(endpoint, Coin()), Json(WrongTypes()), "application/json"),
            2 => new FuzzShot("missing-or-extra-fields", endpoint, endpoint.Method, Route(endpoint, Coin()), Json(MissingOrExtra()), "application/json"),
            3 when Coin() => new FuzzShot("bad-multipart", endpoint, endpoint.Method, Route(endpoint, Coin()), Json(Pick(BadMultipart)), Pick(["multipart/form-data; boundary=zzz", "multipart/form-data", "multipart/form-data; boundary="])),
            3 => new FuzzShot("wrong-content-type", endpoint, endpoint.Method, Route(endpoint, Coin()), Json(Coin() ? WrongTypes() : Pick(Malformed)), random.Next(8) == 0 ? null : Pick(ContentTypes)),
            4 => Huge(endpoint),
            5 => new FuzzShot("bad-route", endpoint, endpoint.Method, Route(endpoint, good: false) + (Coin() ? Query() : ""), Json(WrongTypes()), "application/json"),
            6 => new FuzzShot("deep-or-empty", endpoint, endpoint.Method, Route(endpoint, Coin()), Json(Coin() ? Deep() : Coin() ? "" : "null"), "application/json"),
            7 => new FuzzShot("bad-query", endpoint, endpoint.Method, Route(endpoint, good: true) + Query(), Json(MissingOrExtra()), "application/json"),
            8 => OutOfOrder(endpoint, segment),
            _ => Stale(endpoint, segment),
        };
    }

    /// <summary>A valid actor and every field an action may need, on a ticket whose status does not allow the action.</summary>
    private FuzzShot OutOfOrder(FuzzEndpoint endpoint, string segment)
    {
        var kind = KindBySegment[segment];
        var candidates = fixture.Tickets.Where(t => !t.AllowedActions.Contains(kind)).ToList();
        if (candidates.Count == 0)
        {
            return Stale(endpoint, segment);
        }

        var ticket = Pick(candidates);
        return new FuzzShot("out-of-order", endpoint, endpoint.Method, $"/api/tickets/{ticket.Id}/{segment}", Json(FullBody(expectedVersion: null)), "application/json");
    }

    /// <summary>The same full body with a version the ticket is not at, in the body or as If-Match.</summary>
    private FuzzShot Stale(FuzzEndpoint endpoint, string segment)
    {
        var ticket = Pick(fixture.Tickets);
        var stale = Coin() ? ticket.Version + random.Next(1, 5) : Math.Max(1, ticket.Version - random.Next(1, 4));
        if (stale == ticket.Version)
        {
            stale = ticket.Version + 1;
        }

        var path = $"/api/tickets/{ticket.Id}/{segment}";
        return random.Next(3) switch
        {
            0 => new FuzzShot("stale-version", endpoint, endpoint.Method, path, Json(FullBody(stale)), "application/json"),
            1 => new FuzzShot("stale-version", endpoint, endpoint.Method, path, Json(FullBody(null)), "application/json",
                [new("If-Match", Pick([$"\"{stale}\"", $"W/\"{stale}\"", stale.ToString(CultureInfo.InvariantCulture)]))]),
            _ => new FuzzShot("stale-version", endpoint, endpoint.Method, path, Json(FullBody(ticket.Version)), "application/json",
                [new("If-Match", Pick(["\"abc\"", "*", "\"-3\"", "W/", $"\"{stale}\"", "\"99999999999\""]))]),
        };
    }

    private FuzzShot Huge(FuzzEndpoint endpoint)
    {
        // Past every field limit (the description's 4000 characters, a reason's 500); now and then a body of megabytes.
        var big = random.Next(25) == 0 ? new string('x', 2_000_000) : string.Concat(Enumerable.Repeat(Pick(["x", "工", "😀"]), random.Next(4_001, 12_000)));
        var encoded = JsonSerializer.Serialize(big);
        if (endpoint.Pattern == "/api/tickets/" && Coin())
        {
            // Everything valid but one field past its limit (description 4000, caller name 50, phone 32, address 200).
            var (lon, lat) = LiveGrid.Grains.Tests.Support.TestCity.Centre(1);
            var oversized = Pick(["description", "callerName", "callerPhone", "address"]);
            var fields = new Dictionary<string, string>
            {
                ["description"] = "\"小区门口垃圾\"", ["callerName"] = "\"刘先生\"", ["callerPhone"] = "\"13812345678\"", ["address"] = "\"多福巷12号\"",
            };
            fields[oversized] = encoded;
            return new FuzzShot("huge-string", endpoint, endpoint.Method, "/api/tickets",
                Json($"{{\"actor\":{ValidActor},{string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}"))},"
                    + $"\"longitude\":{lon.ToString(CultureInfo.InvariantCulture)},\"latitude\":{lat.ToString(CultureInfo.InvariantCulture)}}}"),
                "application/json");
        }

        var field = Pick(Fields);
        var body = field == "actor"
            ? $"{{\"actor\":{{\"id\":{encoded},\"role\":\"Nope\",\"name\":{encoded}}}}}"
            : $"{{\"actor\":{Pick(BadActors)},\"{field}\":{encoded},\"{Pick(Fields)}\":{encoded}}}";
        return new FuzzShot("huge-string", endpoint, endpoint.Method, Route(endpoint, Coin()), Json(body), "application/json");
    }

    private const string ValidActor = "{\"id\":\"fz1\",\"role\":\"Dispatcher\",\"name\":\"模糊测试\"}";

    private string FullBody(int? expectedVersion)
    {
        var other = Pick(fixture.Tickets).Id;
        var version = expectedVersion is { } v ? $"\"expectedVersion\":{v}," : "";
        return $"{{\"actor\":{ValidActor},{version}\"note\":\"按序外操作\",\"reason\":\"测试\",\"unitId\":\"\",\"toUnitId\":\"grid-{FuzzFixture.GoodCodes[1]}\","
            + $"\"category\":\"暴露垃圾\",\"priority\":\"Normal\",\"kind\":\"Complaint\",\"rating\":\"Satisfied\",\"level\":\"Grid\",\"limit\":\"1wd\","
            + $"\"approved\":true,\"passed\":true,\"source\":\"Callback\",\"originalTicketId\":\"{other}\"}}";
    }

    private string WrongTypes()
    {
        var parts = new List<string> { $"\"actor\":{Pick(BadActors)}" };
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var field = Pick(Fields);
            var value = Pick(WrongValues);
            // A boolean is the right type for these: a valid onDuty alone would change a worker's duty.
            if (field is "onDuty" or "approved" or "passed" or "resolvedOnSpot" && value is "true" or "false")
            {
                value = "\"yes\"";
            }

            if (field != "actor")
            {
                parts.Add($"\"{field}\":{value}");
            }
        }

        Shuffle(parts);
        return "{" + string.Join(",", parts) + "}";
    }

    private string MissingOrExtra() => random.Next(4) switch
    {
        0 => "{}",
        1 => $"{{\"unknown\":{Pick(WrongValues)},\"{Guid.NewGuid():N}\":1}}",
        2 => $"{{\"actor\":{Pick(BadActors)}}}",
        // Duplicate keys: the last one wins in System.Text.Json, and it is bad too.
        _ => $"{{\"actor\":{ValidActor},\"actor\":{Pick(BadActors)},\"extra\":[1,2,3]}}",
    };

    private string Deep()
    {
        var depth = random.Next(65, 2000);
        return "{\"actor\":" + new string('[', depth) + new string(']', depth) + "}";
    }

    private string Query()
    {
        var parts = new List<string>();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            var value = random.Next(10) == 0 ? new string('q', random.Next(1_000, 3_000)) : Pick(QueryValues);
            parts.Add($"{Pick(QueryKeys)}={value}");
        }

        return "?" + string.Join("&", parts);
    }

    /// <summary>The pattern with each parameter filled: a real value (a fixture ticket, a grid...) or a bad one.</summary>
    private string Route(FuzzEndpoint endpoint, bool good)
    {
        var path = endpoint.Pattern;
        foreach (var parameter in endpoint.Parameters)
        {
            var value = good ? GoodValue(endpoint.Pattern, parameter) : BadValue();
            path = path.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private string GoodValue(string pattern, string parameter) => parameter switch
    {
        "id" when pattern.StartsWith("/api/inspections", StringComparison.Ordinal) => Pick(FuzzFixture.Inspections),
        "id" when pattern.StartsWith("/api/workers", StringComparison.Ordinal) => Pick(FuzzFixture.Workers),
        "id" => Pick(fixture.Tickets).Id,
        "code" => Pick(FuzzFixture.GoodCodes),
        "kind" => Pick(FuzzFixture.ReportKinds),
        "file" => Pick(["2026-11-22.csv", "2026-11-22.html", "2026-W47.html", "2026-10.csv", "2026-Q3.html"]),
        "name" => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Pick([".jpg", ".png", ".webp", ""]),
        _ => "x",
    };

    private string BadValue() => random.Next(8) == 0 ? new string('9', random.Next(300, 2_000)) : Pick(BadIds);

    private byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private bool Coin() => random.Next(2) == 0;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
