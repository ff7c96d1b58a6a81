using System.Globalization;

namespace LiveGrid.Runtime.Core;

/// <summary>Hands out references; creating one costs a small object and activates nothing.</summary>
internal sealed class GrainFactory(GrainRuntimeCore runtime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => runtime.CreateReference<TGrainInterface>(key);

    public TGrainInterface GetGrain<TGrainInterface>(Guid key)
        where TGrainInterface : IGrainWithGuidKey => runtime.CreateReference<TGrainInterface>(key.ToString("D"));

    public TGrainInterface GetGrain<TGrainInterface>(long key)
        where TGrainInterface : IGrainWithIntegerKey => runtime.CreateReference<TGrainInterface>(key.ToString(CultureInfo.InvariantCulture));
}
