namespace LiveGrid.Grains.Sla;

/// <summary>The time limit of each stage; null where a stage has none (or, in a rule, where the rule says nothing).</summary>
public sealed record SlaLimits(TimeLimit? Dispatch = null, TimeLimit? Accept = null, TimeLimit? Resolve = null, TimeLimit? CallBack = null)
{
    public static SlaLimits None { get; } = new();

    public TimeLimit? For(SlaStage stage) => stage switch
    {
        SlaStage.Dispatch => Dispatch,
        SlaStage.Accept => Accept,
        SlaStage.Resolve => Resolve,
        SlaStage.CallBack => CallBack,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public override string ToString() =>
        $"dispatch {Dispatch?.ToString() ?? "-"}, accept {Accept?.ToString() ?? "-"}, resolve {Resolve?.ToString() ?? "-"}, call back {CallBack?.ToString() ?? "-"}";
}
