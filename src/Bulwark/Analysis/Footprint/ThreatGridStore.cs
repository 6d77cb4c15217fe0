using Bulwark.Caching;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Flight.Vehicles;
using Bulwark.Geography;

namespace Bulwark.Analysis.Footprint;

/// <summary>
/// A threat grid's solved aim points in a <see cref="DiskStore"/> (docs/cache.md): for each block flown and each launch
/// place, its threat state and, when threatened, the launch azimuth, energy and elevation of its solution with the
/// landing that solution was measured by. Not the tracks: a later process flies each track again from its solution (one
/// trajectory an aim point instead of the ~20 of a fan solve or the ~400 of the targeter), and the flight is
/// deterministic, so a stored grid answers exactly as the grid that was flown (ThreatGridStoreTests).
/// </summary>
/// <remarks>
/// One entry per grid, keyed by the canonical description of everything that shapes its solutions (the missile, the
/// launch places, the grid, the method, whether adaptive and its first blocks' size, the world, the sample step) and by
/// the code (this assembly's module version id); it holds every block flown so far by any process, and is written again
/// whenever a process flies blocks it did not hold, with what the entry holds by then (two processes writing at the same
/// moment can still lose each other's latest blocks, which are then flown again; every entry is sound for its key).
/// </remarks>
internal sealed class ThreatGridStore
{
    /// <summary>The kind (store folder) threat grids are kept under.</summary>
    public const string Kind = "threat-grid";

    /// <summary>The layout of a stored grid (bumped when the payload changes).</summary>
    public const int Format = 1;

    private readonly DiskStore _store;
    private readonly string _key;
    private readonly int _launches;

    private ThreatGridStore(DiskStore store, string key, int launches, IReadOnlyDictionary<CellBlock, Aim> stored)
    {
        (_store, _key, _launches, Stored) = (store, key, launches, stored);
    }

    /// <summary>One block as stored: per launch place, its state and (when threatened) its solution.</summary>
    /// <param name="State">per launch place</param>
    /// <param name="Solutions">per launch place; null when not threatened</param>
    public sealed record Aim(CellThreat[] State, Solved?[] Solutions);

    /// <summary>A solution as stored: enough to fly its track again and to rebuild the <see cref="TargetingSolution"/>.</summary>
    /// <param name="AzimuthRad">launch azimuth, rad</param>
    /// <param name="Controls">energy fraction and elevation</param>
    /// <param name="Impact">where the flight that solved it landed</param>
    /// <param name="MissM">that landing's miss, m</param>
    /// <param name="RangeM">that landing's range, m</param>
    /// <param name="Flights">trajectories the solve flew</param>
    /// <param name="Refined">whether the solution was refined (its track is flown at the refinement's integrator)</param>
    public readonly record struct Solved(double AzimuthRad, ShapeControls Controls, Geodetic Impact, double MissM, double RangeM, int Flights, bool Refined)
    {
        /// <summary>What to keep of a solution.</summary>
        public static Solved Of(TargetingSolution s) =>
            new(s.AzimuthRad, s.Controls, s.Impact, s.MissDistanceM, s.GroundRangeM, s.Flights, s.Refined);

        /// <summary>The solution again: its track flown from the stored launch (sampled every <paramref name="outputStepS"/>).</summary>
        public TargetingSolution Fly(FlightEnvironment env, IGuidedMissile missile, TargetingRequest request, double outputStepS)
        {
            // The refinement's own propagation (its descent included), so that the track is the one first flown, to the bit.
            PropagationOptions options = Refined ? MinimumEnergyRefinement.Options(outputStepS) : PropagationOptions.ToImpact(outputStepS);
            Trajectory trajectory = new Propagator(env, options)
                .Run(missile.Plan(env, request.Launch, request.LaunchTimeS, AzimuthRad, Controls), request.LaunchTimeS + Targeter.MaxFlightTimeS);
            return new TargetingSolution(missile, request, AzimuthRad, Controls, trajectory, Impact, MissM, RangeM, Flights) { Refined = Refined };
        }
    }

    /// <summary>The blocks the store held when the grid was opened.</summary>
    public IReadOnlyDictionary<CellBlock, Aim> Stored { get; }

    /// <summary>The canonical description of a grid (what its key is made from).</summary>
    public static string Description(IGuidedMissile missile, IReadOnlyList<Geodetic> launches, LatLonGrid grid, ThreatGridMethod method, bool adaptive,
        int coarseSize, FlightEnvironment env, double outputStepS, TrajectoryShape shape = TrajectoryShape.MinimumEnergy) =>
        $"bulwark threat grid; format {Format}; code {typeof(ThreatGridStore).Module.ModuleVersionId:N}; "
        + CanonicalDescription.Of((missile, launches.ToArray(), grid.Box, grid.StepDeg, method, adaptive, coarseSize, env, outputStepS))
        + (shape == TrajectoryShape.MinimumEnergy ? "" : $"; shape {shape.Name()}");

    /// <summary>Opens the grid described by <paramref name="description"/> in <paramref name="store"/>: what it holds (nothing if absent or unreadable).</summary>
    public static ThreatGridStore Open(DiskStore store, string description, int launches)
    {
        string key = DiskStore.KeyOf(description);
        var stored = new Dictionary<CellBlock, Aim>();
        if (store.TryRead(Kind, key, out byte[] payload))
        {
            try
            {
                stored = Decode(payload, launches);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                // Sound bytes of another layout: flown afresh and written over.
            }
        }

        return new ThreatGridStore(store, key, launches, stored);
    }

    /// <summary>
    /// Writes every block of <paramref name="aims"/>, with the blocks another process has written under the same key
    /// since (read back just before: a block's solution depends only on the key, so the union is sound); a failed write,
    /// a full disk, leaves the store as it was.
    /// </summary>
    public void Write(IReadOnlyDictionary<CellBlock, Aim> aims)
    {
        try
        {
            var all = new Dictionary<CellBlock, Aim>(aims);
            if (_store.TryRead(Kind, _key, out byte[] current))
            {
                try
                {
                    foreach (var (block, aim) in Decode(current, _launches))
                    {
                        all.TryAdd(block, aim);
                    }
                }
                catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
                {
                    // Another layout: written over.
                }
            }

            _store.Write(Kind, _key, Encode(all, _launches));
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Payload: format, launch places, blocks (int32 each); then per block, ordered by size, row and column: row, column,
    // size (int32), and per launch place its state (byte) and, when threatened, the solution (8 doubles, flights int32,
    // refined byte). Little-endian, doubles as their bits.
    private static byte[] Encode(IReadOnlyDictionary<CellBlock, Aim> aims, int launches)
    {
        using var buffer = new MemoryStream();
        using var w = new BinaryWriter(buffer);
        w.Write(Format);
        w.Write(launches);
        w.Write(aims.Count);
        foreach (var (block, aim) in aims.OrderBy(a => a.Key.Size).ThenBy(a => a.Key.Row).ThenBy(a => a.Key.Column))
        {
            w.Write(block.Row);
            w.Write(block.Column);
            w.Write(block.Size);
            for (int p = 0; p < launches; p++)
            {
                w.Write((byte)aim.State[p]);
                if (aim.Solutions[p] is { } s)
                {
                    w.Write(s.AzimuthRad);
                    w.Write(s.Controls.EnergyFraction);
                    w.Write(s.Controls.ElevationRad);
                    w.Write(s.Impact.LatitudeRad);
                    w.Write(s.Impact.LongitudeRad);
                    w.Write(s.Impact.HeightM);
                    w.Write(s.MissM);
                    w.Write(s.RangeM);
                    w.Write(s.Flights);
                    w.Write(s.Refined);
                }
            }
        }

        w.Flush();
        return buffer.ToArray();
    }

    private static Dictionary<CellBlock, Aim> Decode(byte[] payload, int launches)
    {
        using var r = new BinaryReader(new MemoryStream(payload));
        if (r.ReadInt32() != Format || r.ReadInt32() != launches)
        {
            throw new InvalidDataException("a stored threat grid of another layout");
        }

        int count = r.ReadInt32();
        var aims = new Dictionary<CellBlock, Aim>(Math.Max(0, count));
        for (int i = 0; i < count; i++)
        {
            var block = new CellBlock(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
            var aim = new Aim(new CellThreat[launches], new Solved?[launches]);
            for (int p = 0; p < launches; p++)
            {
                byte state = r.ReadByte();
                aim.State[p] = Enum.IsDefined((CellThreat)state) ? (CellThreat)state : throw new InvalidDataException("a stored threat grid with an unknown state");
                if (aim.State[p] == CellThreat.Threatened)
                {
                    aim.Solutions[p] = new Solved(r.ReadDouble(), new ShapeControls(r.ReadDouble(), r.ReadDouble()),
                        new Geodetic(r.ReadDouble(), r.ReadDouble(), r.ReadDouble()), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadBoolean());
                }
            }

            aims[block] = aim;
        }

        if (r.BaseStream.Position != payload.Length)
        {
            throw new InvalidDataException("a stored threat grid is longer than its blocks");
        }

        return aims;
    }
}
