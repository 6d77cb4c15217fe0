using Bulwark.Earth;
using Bulwark.Flight.Forces;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Flight.Propagation;

/// <summary>
/// g &gt; 0 while the flight stays between the two neighbouring altitudes at which the atmosphere's state or slope jumps
/// (<see cref="Atmosphere.IAtmosphere.SlopeBreakAltitudesM"/>) and between the two neighbouring Mach numbers at which a
/// drag table's slope jumps (<see cref="DragCoefficient.SlopeBreakMachs"/>); it falls through zero where the flight
/// leaves that band. A propagator ends its segment there and starts the next from the crossing with a new band, so the
/// integrator never steps across a kink of the forces.
/// </summary>
/// <remarks>
/// <para>
/// Why: a Runge–Kutta step across a jump in the slope of the right-hand side has a local error of the jump times a low
/// power of h, not the method's h⁶ (Hairer, Nørsett &amp; Wanner, "Solving Ordinary Differential Equations I", §II.6,
/// on discontinuities): the error estimate catches it, so the accuracy holds, but only after rejecting the step several
/// times and shrinking it to hundredths of a second, and growing it back over the next steps. A threat's boost crosses the
/// drag table's four Mach nodes and five or six layer bases, its re-entry the layer bases again: at the refinement's
/// 1e−12 tolerance, about a sixth of a flight's steps were such rejections (measured on the Sejjil-3: 86 of 527).
/// </para>
/// <para>
/// The altitude is the forces' geodetic height (<see cref="HeightProbe"/>, shared with the impact event, so that a
/// step costs one height for both). The Mach number is the air-relative speed over the speed of sound at that height,
/// as <see cref="DragForce"/> computes it. The two kinds of bound are combined as the least of (h − low, high − h, (M − low)·s, (high − M)·s) with
/// s = <see cref="MachScaleM"/>: continuous, positive inside, so the integrator's root finder locates the first bound
/// crossed. A state exactly on a bound (a zero at a segment's start never triggers) leaves that bound inside the next
/// band, which costs only the smoothness of that one crossing.
/// </para>
/// </remarks>
public sealed class SmoothBandEvent : IEventFunction
{
    /// <summary>Metres per unit of Mach number, to put the Mach bounds on the altitude's scale (a root finder's choice only).</summary>
    public const double MachScaleM = 1000;

    private readonly FlightEnvironment _environment;
    private readonly HeightProbe _heights;
    private readonly IReadOnlyList<double> _altitudes;
    private readonly List<double> _machBreaks = [];
    private bool _active, _usesMach;
    private double _lowM, _highM, _lowMach, _highMach;

    /// <param name="environment">the world</param>
    /// <param name="heights">the height shared with the integration's other events; null: its own</param>
    public SmoothBandEvent(FlightEnvironment environment, HeightProbe? heights = null)
    {
        _environment = environment;
        _heights = heights ?? new HeightProbe(environment);
        _altitudes = environment.Atmosphere.SlopeBreakAltitudesM();
    }

    public CrossingDirection Direction => CrossingDirection.Decreasing;

    /// <summary>Whether the band set by the last <see cref="Reset"/> has any bound (false: g is constant, never crossing).</summary>
    public bool Active => _active;

    /// <summary>
    /// Sets the band that holds <paramref name="state"/> for a segment flown under <paramref name="forces"/>: the altitude
    /// bounds when a force needs the air, the Mach bounds from the drag forces' tables. Allocates nothing once the
    /// instance has seen its largest set of Mach nodes.
    /// </summary>
    public void Reset(in FlightState state, IReadOnlyList<IForce> forces)
    {
        bool needsAir = false;
        _machBreaks.Clear();
        for (int i = 0; i < forces.Count; i++)
        {
            IForce force = forces[i];
            needsAir |= force.NeedsAir;
            if (force is DragForce drag)
            {
                IReadOnlyList<double> machs = drag.Cd.SlopeBreakMachs();
                for (int j = 0; j < machs.Count; j++)
                {
                    _machBreaks.Add(machs[j]);
                }
            }
        }

        _usesMach = needsAir && _machBreaks.Count > 0;
        _active = needsAir && (_altitudes.Count > 0 || _usesMach);
        if (!_active)
        {
            return;
        }

        double h = _environment.HeightOf(state);
        (_lowM, _highM) = Around(_altitudes, h);
        if (_usesMach)
        {
            _machBreaks.Sort();
            (_lowMach, _highMach) = Around(_machBreaks, Mach(state.PositionEciM, state.VelocityEciMPerS, h));
        }
    }

    public double Value(double t, ReadOnlySpan<double> y)
    {
        if (!_active)
        {
            return 1;
        }

        double h = _heights.Height(t, y);
        double g = Math.Min(h - _lowM, _highM - h);
        if (_usesMach)
        {
            double mach = Mach(Vec3.From(y, 0), Vec3.From(y, 3), h);
            g = Math.Min(g, MachScaleM * Math.Min(mach - _lowMach, _highMach - mach));
        }

        return g;
    }

    private double Mach(Vec3 rEci, Vec3 vEci, double heightM)
    {
        double a = _environment.Atmosphere.SpeedOfSoundAt(heightM);
        double speed = EarthRotation.EarthRelativeVelocityEci(rEci, vEci, _environment.Planet.RotationRateRadPerS).Norm;
        return a > 0 ? speed / a : 0;
    }

    /// <summary>The neighbouring values of a sorted list strictly below and strictly above x (±∞ where there is none).</summary>
    private static (double Low, double High) Around(IReadOnlyList<double> sorted, double x)
    {
        double low = double.NegativeInfinity, high = double.PositiveInfinity;
        for (int i = 0; i < sorted.Count; i++)
        {
            double v = sorted[i];
            if (v < x)
            {
                low = v;
            }
            else if (v > x)
            {
                high = v;
                break;
            }
        }

        return (low, high);
    }
}
