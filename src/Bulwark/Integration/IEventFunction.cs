namespace Bulwark.Integration;

/// <summary>Which sign changes of an event function count.</summary>
public enum CrossingDirection
{
    /// <summary>Either direction.</summary>
    Any,

    /// <summary>g goes from negative to zero or positive.</summary>
    Increasing,

    /// <summary>g goes from positive to zero or negative.</summary>
    Decreasing,
}

/// <summary>
/// A continuous switching function g(t, y) whose zero ends an integration segment (ground impact, apogee,
/// altitude crossing). A zero at the segment's start time never triggers; the integrator locates the root
/// by root finding on the dense output and stops there.
/// </summary>
public interface IEventFunction
{
    CrossingDirection Direction { get; }

    double Value(double t, ReadOnlySpan<double> y);
}
