using Bulwark.Flight.Forces;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Flight;

/// <summary>
/// Translational equations of motion of a point mass in the ECI frame: ṙ = v, v̇ = Σ forces / m, ṁ = Σ mass rates.
/// Pure: computes and returns, records nothing.
/// </summary>
public sealed class EquationsOfMotion : IOdeSystem
{
    private readonly IForce[] _forces;
    private readonly bool _needsAir;

    public EquationsOfMotion(FlightEnvironment environment, IReadOnlyList<IForce> forces)
    {
        Environment = environment;
        _forces = [.. forces];
        _needsAir = _forces.Any(f => f.NeedsAir);
    }

    public FlightEnvironment Environment { get; }

    public IReadOnlyList<IForce> Forces => _forces;

    public int Dimension => FlightState.Dimension;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var context = new FlightContext(Environment, t, Vec3.From(y, 0), Vec3.From(y, 3), y[6], _needsAir);
        Vec3 a = Vec3.Zero;
        double mdot = 0;
        foreach (IForce force in _forces)
        {
            a += force.AccelerationEci(context);
            mdot += force.MassRateKgPerS(context);
        }

        dydt[0] = y[3];
        dydt[1] = y[4];
        dydt[2] = y[5];
        a.CopyTo(dydt, 3);
        dydt[6] = mdot;
    }

    /// <summary>These equations as a struct for the integrator: its generic code is then compiled for them, calling
    /// <see cref="Derivative"/> directly instead of through an interface from code shared by every class (the same
    /// arithmetic; docs/performance.md, "Against a Python peer").</summary>
    public Direct AsDirect() => new(this);

    /// <summary>See <see cref="AsDirect"/>.</summary>
    public readonly struct Direct(EquationsOfMotion equations) : IOdeSystem
    {
        public int Dimension => FlightState.Dimension;

        public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt) => equations.Derivative(t, y, dydt);
    }
}
