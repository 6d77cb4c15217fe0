using System.Runtime.CompilerServices;
using Bulwark.Earth;
using Bulwark.Flight.Forces;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Flight;

/// <summary>
/// Translational equations of motion of a point mass in the ECI frame: ṙ = v, v̇ = Σ forces / m, ṁ = Σ mass rates.
/// Pure: computes and returns, records nothing.
/// </summary>
/// <remarks>
/// A leading <see cref="GravityForce"/> is computed directly, without the interface call or the shared
/// <see cref="FlightContext"/>, which is built only when another force follows it; the mass rate is summed over the
/// forces that can change the mass (gravity and drag never do). The sums are taken in the forces' order from zero, as a
/// loop over every force would take them, so the derivative is the same to the bit (EquationsOfMotionTests;
/// docs/performance.md, "The equations' gravity computed directly, the stages' sums in methods of their own").
/// </remarks>
public sealed class EquationsOfMotion : IOdeSystem
{
    private readonly IForce[] _forces;
    private readonly bool _needsAir;
    private readonly Planet? _leadingGravity;     // the planet of a GravityForce that comes first, or null
    private readonly IForce[] _contextForces;     // the forces after it (all of them when there is none)
    private readonly IForce[] _massChangingForces; // the forces whose mass rate may be non-zero, in order

    public EquationsOfMotion(FlightEnvironment environment, IReadOnlyList<IForce> forces)
    {
        Environment = environment;
        _forces = [.. forces];
        int massChanging = 0;
        foreach (IForce force in _forces)
        {
            _needsAir |= force.NeedsAir;
            massChanging += ChangesMass(force) ? 1 : 0;
        }

        _leadingGravity = _forces is [GravityForce gravity, ..] ? gravity.Planet : null;
        _contextForces = _leadingGravity is null ? _forces : _forces.Length == 1 ? [] : _forces[1..];
        _massChangingForces = massChanging == 0 ? [] : [.. _forces.Where(ChangesMass)];
    }

    /// <summary>Whether a force's mass rate may be non-zero: gravity and drag never change the mass.</summary>
    private static bool ChangesMass(IForce force) => force is not (GravityForce or DragForce);

    public FlightEnvironment Environment { get; }

    public IReadOnlyList<IForce> Forces => _forces;

    public int Dimension => FlightState.Dimension;

    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        if (_contextForces.Length > 0)
        {
            DerivativeWithContext(t, y, dydt);
            return;
        }

        // Gravity alone (or no force): no context to build, so none to clear on entry.
        Vec3 a = Vec3.Zero;
        if (_leadingGravity is { } planet)
        {
            a += Gravity.Acceleration(planet, Vec3.From(y, 0));
        }

        dydt[0] = y[3];
        dydt[1] = y[4];
        dydt[2] = y[5];
        a.CopyTo(dydt, 3);
        dydt[6] = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DerivativeWithContext(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        Vec3 r = Vec3.From(y, 0);
        Vec3 a = Vec3.Zero;
        double mdot = 0;
        if (_leadingGravity is { } planet)
        {
            a += Gravity.Acceleration(planet, r);
        }

        var context = new FlightContext(Environment, t, r, Vec3.From(y, 3), y[6], _needsAir);
        foreach (IForce force in _contextForces)
        {
            a += force.AccelerationEci(context);
        }

        foreach (IForce force in _massChangingForces)
        {
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
