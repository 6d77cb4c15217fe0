using System.Runtime.CompilerServices;

namespace Bulwark.Engagement.Reach;

/// <summary>Angle wrapping without <see cref="Math.IEEERemainder(double, double)"/>, which is slow.</summary>
internal static class Angles
{
    private const double TwoPi = 2 * Math.PI;

    /// <summary>The angle wrapped into [−π, π], rad.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Wrap(double rad) => rad - TwoPi * Math.Round(rad / TwoPi);
}
