using System.Diagnostics;
using LiveGrid.Runtime;
using LiveGrid.Runtime.State;

namespace LiveGrid.Bench.Grains;

public sealed class WriterGrain([PersistentState("writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public async Task<int> WriteUntil(long stopTimestamp, string payload)
    {
        state.State.Payload = payload;
        var writes = 0;
        while (Stopwatch.GetTimestamp() < stopTimestamp)
        {
            state.State.Sequence++;
            await state.WriteStateAsync();
            writes++;
        }

        return writes;
    }
}
