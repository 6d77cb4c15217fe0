namespace Bulwark.Flight.Targeting;

/// <summary>Why a targeting request has no solution.</summary>
public enum TargetingFailure
{
    /// <summary>The aim point is beyond the missile's maximum range in that direction.</summary>
    OutOfRange,

    /// <summary>The aim point is closer than the shape can reach (e.g. a full-energy lofted shot overflies it).</summary>
    TooClose,

    /// <summary>The requested apogee cannot be combined with the range.</summary>
    ApogeeUnreachable,

    /// <summary>The missile does not come down (orbital speed).</summary>
    NoImpact,

    /// <summary>The iteration did not bring the miss distance under the tolerance.</summary>
    NotConverged,
}

/// <summary>A targeting request with no solution, with the numbers that explain it.</summary>
public sealed class TargetingException(TargetingFailure failure, string message, double? maximumRangeM = null) : Exception(message)
{
    public TargetingFailure Failure { get; } = failure;

    /// <summary>For <see cref="TargetingFailure.OutOfRange"/>: the maximum range toward the aim point, m.</summary>
    public double? MaximumRangeM { get; } = maximumRangeM;
}
