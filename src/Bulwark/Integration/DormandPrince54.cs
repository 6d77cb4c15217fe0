namespace Bulwark.Integration;

/// <summary>Adaptive Dormand–Prince 5(4) with 4th-order dense output and event location. One instance per thread.</summary>
public sealed class DormandPrince54
{
    public DormandPrince54(int dimension, IntegratorOptions options)
    {
        Dimension = dimension;
        Options = options;
    }

    public int Dimension { get; }

    public IntegratorOptions Options { get; }

    /// <summary>
    /// Integrates from (<paramref name="t0S"/>, <paramref name="y0"/>) to <paramref name="tEndS"/> (> t0S) or to the first event,
    /// writing the final state into <paramref name="yEnd"/>. No allocation per step.
    /// </summary>
    public SegmentResult Integrate<TSystem>(TSystem system, double t0S, ReadOnlySpan<double> y0, double tEndS, Span<double> yEnd,
        IReadOnlyList<IEventFunction> events, IStepObserver? observer = null)
        where TSystem : IOdeSystem
        => throw new NotImplementedException();
}
