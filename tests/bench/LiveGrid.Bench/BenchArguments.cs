namespace LiveGrid.Bench;

/// <summary>
/// The command line: <c>[all|calls|memory|timers|storage|reports] [--redis host:port]</c>. Without --redis,
/// LIVEGRID_TEST_REDIS is used if set, else the storage section starts its own redis-server.
/// </summary>
public sealed record BenchArguments(IReadOnlySet<string> Sections, string? Redis)
{
    public static readonly string[] AllSections = ["calls", "memory", "timers", "storage", "reports"];

    public const string Usage = "usage: dotnet run -c Release --project tests/bench/LiveGrid.Bench -- [all|calls|memory|timers|storage|reports] [--redis host:port]";

    public bool Runs(string section) => Sections.Contains(section);

    public static BenchArguments? Parse(string[] args)
    {
        var sections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? redis = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--redis")
            {
                if (i + 1 >= args.Length)
                {
                    return null;
                }

                redis = args[++i];
            }
            else if (arg.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                sections.UnionWith(AllSections);
            }
            else if (AllSections.Contains(arg, StringComparer.OrdinalIgnoreCase))
            {
                sections.Add(arg.ToLowerInvariant());
            }
            else
            {
                return null;
            }
        }

        if (sections.Count == 0)
        {
            sections.UnionWith(AllSections);
        }

        redis ??= Environment.GetEnvironmentVariable("LIVEGRID_TEST_REDIS") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        return new BenchArguments(sections, redis);
    }
}
