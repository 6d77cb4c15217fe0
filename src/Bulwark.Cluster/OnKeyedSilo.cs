using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Bulwark.Cluster;

/// <summary>
/// Places a grain on the silo whose address is the grain's string key, and fails the call when that silo is not an
/// active member (so a run never lands anywhere the coordinator did not choose).
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class OnKeyedSilo : PlacementStrategy
{
    internal static OnKeyedSilo Singleton { get; } = new();
}

/// <summary>Marks a grain class as placed by <see cref="OnKeyedSilo"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OnKeyedSiloAttribute : PlacementAttribute
{
    /// <summary>The attribute.</summary>
    public OnKeyedSiloAttribute()
        : base(OnKeyedSilo.Singleton)
    {
    }
}

/// <summary>The director for <see cref="OnKeyedSilo"/>.</summary>
internal sealed class OnKeyedSiloDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        string key = target.GrainIdentity.Key.ToString() ?? "";
        SiloAddress wanted;
        try
        {
            wanted = SiloAddress.FromParsableString(key);
        }
        catch (FormatException)
        {
            throw new OrleansException($"'{key}' is not a silo address");
        }

        return context.GetCompatibleSilos(target).Contains(wanted)
            ? Task.FromResult(wanted)
            : throw new OrleansException($"silo {key} is not an active member of the cluster");
    }
}
