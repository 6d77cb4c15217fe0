using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Vehicles;
using Bulwark.Integration;
using Bulwark.Numerics;

namespace Bulwark.Catalog.Reading;

/// <summary>
/// A flight file (DESIGN §7): a point mass propagated from an initial geodetic state with Earth-relative NED velocity,
/// on a chosen planet and atmosphere, until a stop time and/or a stop altitude, sampled at an output step.
/// </summary>
public sealed record FlightFile(FlightEnvironment Environment, PointMassBody Vehicle, Geodetic InitialPosition, Vec3 InitialVelocityNedMPerS, PropagationOptions Options)
{
    /// <summary>The initial state at t = 0.</summary>
    public FlightState InitialState => Environment.StateAt(0, InitialPosition, InitialVelocityNedMPerS, Vehicle.MassKg);

    /// <summary>The longest a flight file's flight may last, s (about 28 hours; a ballistic missile flies under an hour).</summary>
    public const double MaxFlightTimeS = 100_000;

    /// <summary>The most trajectory rows one flight may give (flight time ÷ output step).</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>The lightest vehicle a flight file may fly, kg (lighter ones give non-physical decelerations).</summary>
    public const double MinMassKg = 0.001;

    /// <summary>The file's name, for messages about the flight as a whole.</summary>
    public string File { get; init; } = "input";

    /// <summary>Where the stop condition was given (flights that never meet it are reported there).</summary>
    public YamlNode? StopNode { get; init; }

    /// <summary>Where the output step was given; null when it came from the command line (<c>--step-s</c>).</summary>
    public YamlNode? StepNode { get; init; }

    /// <summary>
    /// Flies the file, bounded: at most <see cref="MaxFlightTimeS"/> of flight, <see cref="MaxRows"/> rows and the
    /// integrator's step limit. A flight past a bound is bad input (<see cref="InputException"/>), the same one
    /// <see cref="Check"/> reports, so <c>bulwark validate</c> rejects exactly what <c>bulwark fly</c> cannot fly.
    /// </summary>
    public Trajectory Fly()
    {
        Check();
        return FlyBounded(Options);
    }

    /// <summary>Flies the file without samples (cheap in memory) and fails as <see cref="Fly"/> would.</summary>
    public void Check()
    {
        Trajectory t = FlyBounded(Options with { OutputStepS = 0 });
        double rows = t.Final.TimeS / Options.OutputStepS + 2;
        if (!(rows <= MaxRows))
        {
            string problem = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"at an output step of {Options.OutputStepS} s this {t.Final.TimeS:0.###} s flight gives more than {MaxRows:N0} rows, the most a run may write; expected a larger output step");
            throw StepNode is { } node ? node.Error(problem + " (output.step_s or --step-s)") : new InputException(null, null, null, "--step-s", problem);
        }
    }

    private Trajectory FlyBounded(PropagationOptions options)
    {
        Trajectory t;
        try
        {
            t = new Propagator(Environment, options with { StopTimeS = options.StopTimeS ?? MaxFlightTimeS })
                .Run(Vehicle.FreeFlight(Environment, InitialState));
        }
        catch (IntegrationException e)
        {
            throw FlightError("the flight cannot be integrated (" + e.Message.Replace("DormandPrince54: ", "", StringComparison.Ordinal).TrimEnd('.')
                + "); expected physical values (a vehicle mass, area and drag coefficient that give a finite deceleration)");
        }

        if (options.StopTimeS is null && t.End == FlightEnd.Time)
        {
            throw FlightError(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the flight does not come down to the stop altitude of {options.StopAltitudeM} m within {MaxFlightTimeS:N0} s, the longest a flight may last (is it in orbit?); expected a flight that ends, or a stop time_s"));
        }

        return t;
    }

    private InputException FlightError(string problem) => StopNode is { } node ? node.Error(problem) : new InputException(File, null, null, null, problem);

    /// <summary>Reads a flight file; bad content raises an <see cref="InputException"/>.</summary>
    /// <param name="file">the file name, for messages</param>
    /// <param name="text">its content</param>
    /// <param name="missileResolver">turns a <c>missile:</c> value (a catalog id or a path) into a missile, whose re-entry vehicle is flown;
    /// an <see cref="InputException"/> it raises without a file is located at the <c>missile:</c> key</param>
    public static FlightFile Parse(string file, string text, Func<string, IGuidedMissile>? missileResolver = null)
    {
        YamlNode root = YamlNode.Parse(file, text);
        root.OnlyKeys("earth", "atmosphere", "vehicle", "missile", "initial", "stop", "output");
        Planet planet = ReadEarth(root.TryGet("earth"));
        IAtmosphere atmosphere = ReadAtmosphere(root.TryGet("atmosphere"));
        PointMassBody vehicle = ReadVehicle(root, missileResolver);
        var (position, velocity) = ReadInitial(root.Get("initial"));
        PropagationOptions options = ReadStopAndOutput(root.Get("stop"), root.TryGet("output"));
        return new FlightFile(new FlightEnvironment(planet, atmosphere), vehicle, position, velocity, options)
        {
            File = file,
            StopNode = root.Get("stop"),
            StepNode = root.TryGet("output")?.TryGet("step_s") ?? root.Get("stop"),
        };
    }

    internal static Planet ReadEarth(YamlNode? node)
    {
        if (node is null)
        {
            return Planet.Wgs84;
        }

        node.OnlyKeys("model", "radius_m", "mu_m3_s2", "j2", "rotation_rad_s");
        YamlNode model = node.Get("model");
        string name = model.String();
        double mu = node.TryGet("mu_m3_s2")?.Positive("a gravitational parameter in m³/s²") ?? Wgs84.GravitationalParameterM3PerS2;
        double rotation = node.TryGet("rotation_rad_s")?.Number(-1e-3, 1e-3, "a rotation rate in rad/s between −0.001 and 0.001") ?? Wgs84.RotationRateRadPerS;
        switch (name)
        {
            case "wgs84":
                if (node.TryGet("radius_m") is { } r)
                {
                    throw r.Error("radius_m applies to model: sphere; WGS-84 has its own ellipsoid");
                }

                double j2 = node.TryGet("j2")?.Number(0, 0.01, "J2 between 0 and 0.01 (0 = off)") ?? Wgs84.J2;
                return new Planet(Ellipsoid.Wgs84, mu, j2, rotation);
            case "sphere":
                double radius = node.TryGet("radius_m")?.Number(1e3, 1e8, "a radius in metres between 1,000 and 100,000,000") ?? Planet.NescSphereRadiusM;
                if (node.TryGet("j2") is { } j && j.Number() != 0)
                {
                    throw j.Error("a sphere has no J2; expected 0 or no j2 key");
                }

                return new Planet(Ellipsoid.Sphere(radius), mu, 0, rotation);
            default:
                throw model.Error($"unknown earth model '{name}'; expected wgs84 or sphere");
        }
    }

    internal static IAtmosphere ReadAtmosphere(YamlNode? node)
    {
        if (node is null)
        {
            return UsStandardAtmosphere1976.Instance;
        }

        return node.String() switch
        {
            "ussa1976" => UsStandardAtmosphere1976.Instance,
            "none" => NoAtmosphere.Instance,
            string other => throw node.Error($"unknown atmosphere '{other}'; expected ussa1976 or none"),
        };
    }

    private static IGuidedMissile Resolve(YamlNode missile, Func<string, IGuidedMissile> missileResolver)
    {
        try
        {
            return missileResolver(missile.String());
        }
        catch (InputException e) when (e.File is null)
        {
            throw missile.Error(e.Problem);
        }
    }

    private static PointMassBody ReadVehicle(YamlNode root, Func<string, IGuidedMissile>? missileResolver)
    {
        YamlNode? vehicle = root.TryGet("vehicle");
        YamlNode? missile = root.TryGet("missile");
        if (vehicle is not null && missile is not null)
        {
            throw missile.Error("give either vehicle or missile, not both");
        }

        if (missile is not null)
        {
            if (missileResolver is null)
            {
                throw missile.Error("missiles cannot be flown from this file here");
            }

            return Resolve(missile, missileResolver) switch
            {
                StagedRocket r => r.Rv.Body,
                BurnoutStateMissile b => b.Rv.Body,
                _ => throw missile.Error("this missile has no re-entry vehicle to fly"),
            };
        }

        if (vehicle is null)
        {
            throw root.Error("missing key 'vehicle' (or 'missile')");
        }

        vehicle.OnlyKeys("mass_kg", "reference_area_m2", "cd");
        double mass = vehicle.Get("mass_kg").Positive("a mass in kg");
        if (mass < MinMassKg)
        {
            throw vehicle.Get("mass_kg").Error(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{mass} kg is too light to fly; expected a mass in kg of at least {MinMassKg}"));
        }

        double area = vehicle.TryGet("reference_area_m2")?.NonNegative("a reference area in m²") ?? 0;
        DragCoefficient cd = vehicle.TryGet("cd") is { } c ? ReadCd(c) : DragCoefficient.Constant(0);
        return new PointMassBody(mass, area, cd);
    }

    /// <summary>A drag coefficient: a number, or a table <c>{ mach: [...], cd: [...] }</c>.</summary>
    internal static DragCoefficient ReadCd(YamlNode node)
    {
        if (node.IsScalar)
        {
            return DragCoefficient.Constant(node.NonNegative("a drag coefficient"));
        }

        node.OnlyKeys("mach", "cd");
        YamlNode machNode = node.Get("mach");
        YamlNode cdNode = node.Get("cd");
        double[] mach = [.. machNode.Items().Select(n => n.NonNegative("a Mach number"))];
        double[] cd = [.. cdNode.Items().Select(n => n.NonNegative("a drag coefficient"))];
        if (mach.Length == 0)
        {
            throw machNode.Error("expected at least one Mach number");
        }

        if (mach.Length != cd.Length)
        {
            throw cdNode.Error($"expected {mach.Length} drag coefficients, one per Mach number, got {cd.Length}");
        }

        for (int i = 1; i < mach.Length; i++)
        {
            if (!(mach[i] > mach[i - 1]))
            {
                throw machNode.Items()[i].Error("Mach numbers must be strictly increasing");
            }
        }

        return new MachTableDragCoefficient(mach, cd);
    }

    private static (Geodetic Position, Vec3 VelocityNed) ReadInitial(YamlNode node)
    {
        node.OnlyKeys("lat_deg", "lon_deg", "alt_m", "v_north_m_s", "v_east_m_s", "v_down_m_s");
        double lat = node.Get("lat_deg").Number(-90, 90, "a latitude in degrees from −90 to 90");
        double lon = node.Get("lon_deg").Number(-180, 360, "a longitude in degrees from −180 to 360");
        double alt = node.Get("alt_m").Number(-1e4, 1e8, "an altitude in metres from −10,000 to 100,000,000");
        double vn = node.TryGet("v_north_m_s")?.Number() ?? 0;
        double ve = node.TryGet("v_east_m_s")?.Number() ?? 0;
        double vd = node.TryGet("v_down_m_s")?.Number() ?? 0;
        return (Geodetic.FromDegrees(lat, lon, alt), new Vec3(vn, ve, vd));
    }

    private static PropagationOptions ReadStopAndOutput(YamlNode stop, YamlNode? output)
    {
        stop.OnlyKeys("time_s", "altitude_m");
        double? time = stop.TryGet("time_s") is { } t
            ? t.Number(double.Epsilon, MaxFlightTimeS, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a stop time in seconds greater than 0 and at most {MaxFlightTimeS:N0}, the longest a flight may last"))
            : null;
        double? altitude = stop.TryGet("altitude_m")?.Number(-1e4, 1e8, "a stop altitude in metres");
        if (time is null && altitude is null)
        {
            throw stop.Error("expected time_s, altitude_m or both");
        }

        double step = 1;
        if (output is not null)
        {
            output.OnlyKeys("step_s");
            step = output.Get("step_s").Positive("an output step in seconds");
        }

        return new PropagationOptions(time, altitude, step, true, PropagationOptions.DefaultIntegrator);
    }
}
