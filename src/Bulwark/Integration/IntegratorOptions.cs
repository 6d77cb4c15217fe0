namespace Bulwark.Integration;

/// <summary>Error control and guards for the adaptive integrator.</summary>
/// <param name="RelativeTolerance">per-component relative error allowed per step</param>
/// <param name="AbsoluteTolerance">per-component absolute error allowed per step (in the component's unit)</param>
/// <param name="MaxStepS">largest step, s (also bounds the step at which events are checked)</param>
/// <param name="InitialStepS">first step, s; 0 chooses one automatically</param>
/// <param name="MaxSteps">a segment taking more accepted+rejected steps than this ends in an <see cref="IntegrationException"/></param>
public readonly record struct IntegratorOptions(
    double RelativeTolerance = 1e-10,
    double AbsoluteTolerance = 1e-6,
    double MaxStepS = 60,
    double InitialStepS = 0,
    int MaxSteps = 1_000_000)
{
    public static IntegratorOptions Default => new(1e-10, 1e-6, 60, 0, 1_000_000);
}

/// <summary>The integration could not continue (step guard exceeded, step size underflow, non-finite state).</summary>
public sealed class IntegrationException(string message) : Exception(message);

/// <summary>How a segment ended.</summary>
/// <param name="EndTimeS">the time reached: the requested end, or the located event time</param>
/// <param name="EventIndex">index into the event list of the event that stopped the segment, or −1 when it reached its end time</param>
/// <param name="AcceptedSteps">accepted steps</param>
/// <param name="RejectedSteps">rejected steps</param>
/// <param name="Evaluations">derivative evaluations</param>
/// <param name="LastStepS">the size of the last accepted step, s (0 when none was taken): a good first step for a segment
/// that continues the same flight past an event</param>
public readonly record struct SegmentResult(double EndTimeS, int EventIndex, int AcceptedSteps, int RejectedSteps, int Evaluations, double LastStepS = 0)
{
    public bool StoppedOnEvent => EventIndex >= 0;
}
