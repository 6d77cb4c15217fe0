using Bulwark.Numerics;

namespace Bulwark.Flight.Forces;

/// <summary>A drag coefficient as a function of Mach number.</summary>
public abstract record DragCoefficient
{
    public abstract double At(double mach);

    /// <summary>The Mach numbers (increasing, &gt; 0) at which C_D's slope jumps; a propagator ends its integration segments
    /// there (<see cref="Propagation.SmoothBandEvent"/>). Empty for a smooth C_D.</summary>
    public virtual IReadOnlyList<double> SlopeBreakMachs() => [];

    public static DragCoefficient Constant(double cd) => new ConstantDragCoefficient(cd);
}

/// <summary>The same C_D at every Mach number.</summary>
public sealed record ConstantDragCoefficient(double Cd) : DragCoefficient
{
    public override double At(double mach) => Cd;
}

/// <summary>C_D(Mach) by linear interpolation in a table, held constant beyond its ends.</summary>
public sealed record MachTableDragCoefficient : DragCoefficient
{
    private readonly double[] _mach;
    private readonly double[] _cd;
    private readonly ValueList<double> _machList;
    private readonly ValueList<double> _cdList;
    private readonly double[] _slopeBreaks;

    /// <param name="mach">Mach numbers, strictly increasing</param>
    /// <param name="cd">C_D at each Mach number</param>
    public MachTableDragCoefficient(IReadOnlyList<double> mach, IReadOnlyList<double> cd)
    {
        if (mach.Count == 0 || mach.Count != cd.Count)
        {
            throw new ArgumentException("a C_D(Mach) table needs as many C_D values as Mach numbers, at least one");
        }

        for (int i = 1; i < mach.Count; i++)
        {
            if (!(mach[i] > mach[i - 1]))
            {
                throw new ArgumentException("the Mach numbers of a C_D table must be strictly increasing");
            }
        }

        _mach = [.. mach];
        _cd = [.. cd];
        _machList = new ValueList<double>(_mach);
        _slopeBreaks = [.. _mach.Where(m => m > 0)];
        _cdList = new ValueList<double>(_cd);
    }

    public IReadOnlyList<double> Mach => _machList;

    public IReadOnlyList<double> Cd => _cdList;

    /// <summary>Equal when the tables hold the same numbers.</summary>
    public bool Equals(MachTableDragCoefficient? other) => other is not null && _machList.Equals(other._machList) && _cdList.Equals(other._cdList);

    public override int GetHashCode() => HashCode.Combine(_machList, _cdList);

    /// <summary>Every node above Mach 0: linear between nodes and constant beyond the ends, C_D's slope jumps at each (a
    /// node where it happens not to, between two equal slopes, costs one segment boundary and nothing else).</summary>
    public override IReadOnlyList<double> SlopeBreakMachs() => _slopeBreaks;

    public override double At(double mach)
    {
        if (mach <= _mach[0])
        {
            return _cd[0];
        }

        if (mach >= _mach[^1])
        {
            return _cd[^1];
        }

        // The bracketing nodes by a plain bisection (Array.BinarySearch's generic comparer cost more than the lookup
        // itself, at every evaluation with air); the same nodes, so the same numbers.
        int lo = 0, hi = _mach.Length - 1;  // _mach[lo] < mach < _mach[hi]
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (_mach[mid] <= mach)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        if (_mach[lo] == mach)
        {
            return _cd[lo];
        }

        double f = (mach - _mach[lo]) / (_mach[hi] - _mach[lo]);
        return _cd[lo] + f * (_cd[hi] - _cd[lo]);
    }
}
