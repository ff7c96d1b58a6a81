namespace LiveGrid.Bench.Harness;

/// <summary>
/// Warm-up round (discarded: JIT tiering, pool growth, first activations), then measured rounds. Contenders
/// that are compared with each other run interleaved (A B C, A B C, ...) so that a burst of load from other
/// processes on a shared machine hits all of them alike instead of skewing one figure.
/// </summary>
public static class Rounds
{
    public static async Task<RoundSet> MeasureAsync(int rounds, Func<Task<double>> round) =>
        (await InterleavedAsync(rounds, round))[0];

    public static async Task<RoundSet[]> InterleavedAsync(int rounds, params Func<Task<double>>[] contenders)
    {
        foreach (var contender in contenders)
        {
            await contender();
        }

        var values = contenders.Select(_ => new double[rounds]).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                values[c][r] = await contenders[c]();
            }
        }

        return [.. values.Select(v => new RoundSet(v))];
    }
}
