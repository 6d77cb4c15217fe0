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

    /// <summary>
    /// The sign g(t, y) certainly has, where a computation much cheaper than <see cref="Value"/> can tell: +1 when g is
    /// certainly &gt; 0, −1 when certainly &lt; 0, 0 when it cannot tell (the default). Never wrong: a bound that is not
    /// sure answers 0.
    /// </summary>
    /// <remarks>
    /// The integrator asks it after each step and calls <see cref="Value"/> only where the sign could trigger the event;
    /// the values it keeps for root finding are always <see cref="Value"/>'s, so the answer is the same bits either way
    /// (DormandPrince54, "Events"). An impact event far above the ground, an apogee event while the flight climbs or
    /// falls steeply: most steps of a flight need no exact value.
    /// </remarks>
    int CertainSign(double t, ReadOnlySpan<double> y) => 0;
}
