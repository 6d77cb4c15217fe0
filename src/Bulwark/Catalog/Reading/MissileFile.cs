using System.Globalization;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Vehicles;
using Bulwark.Numerics;

namespace Bulwark.Catalog.Reading;

/// <summary>
/// Reads a missile definition (until the catalog exists, <c>bulwark fly --missile</c> takes a path to one). Two types:
/// <c>staged</c> (stages, payload, re-entry vehicle, boost aerodynamics, guidance) and <c>burnout-state</c> (the
/// idealised burnout state). See docs/flight-files.md for the keys; every quantity carries its unit in its key.
/// </summary>
public static class MissileFile
{
    /// <summary>Keys that describe an entry without changing how it flies (the catalog reads and checks them).</summary>
    public static readonly string[] DescriptiveKeys = ["id", "name", "type", "class", "propellant", "calibration", "rcs", "provenance", "uncertain", "notes"];

    /// <summary>Reads a missile; bad content raises an <see cref="InputException"/>.</summary>
    public static IGuidedMissile Parse(string file, string text) => Read(YamlNode.Parse(file, text));

    /// <summary>Reads a missile from a YAML mapping (a file's root, or a catalog entry).</summary>
    public static IGuidedMissile Read(YamlNode root)
    {
        YamlNode typeNode = root.Get("type");
        return typeNode.String() switch
        {
            "staged" => ReadStaged(root),
            "burnout-state" => ReadBurnout(root),
            string other => throw typeNode.Error($"unknown missile type '{other}'; expected staged or burnout-state"),
        };
    }

    private static StagedRocket ReadStaged(YamlNode root)
    {
        root.OnlyKeys([.. DescriptiveKeys, "stages", "payload_mass_kg", "reentry_vehicle", "body", "guidance"]);
        YamlNode payloadNode = root.Get("payload_mass_kg");
        double payload = payloadNode.Positive("a payload mass in kg");
        ReentryVehicle rv = ReadRv(root.Get("reentry_vehicle"));
        if (rv.MassKg > payload)
        {
            throw payloadNode.Error(string.Create(CultureInfo.InvariantCulture,
                $"the payload ({payload} kg) is lighter than its re-entry vehicle ({rv.MassKg} kg); expected payload_mass_kg ≥ reentry_vehicle.mass_kg"));
        }

        return ReadRocket(root, payload, rv);
    }

    /// <summary>
    /// The stages, boost aerodynamics and guidance of a staged vehicle carrying <paramref name="payloadMassKg"/> of which
    /// <paramref name="flier"/> flies on after powered flight (a missile's RV, an interceptor's kill vehicle). The caller
    /// has checked the entry's keys.
    /// </summary>
    internal static StagedRocket ReadRocket(YamlNode root, double payloadMassKg, ReentryVehicle flier)
    {
        string name = root.TryGet("name")?.String() ?? "missile";
        double payload = payloadMassKg;
        ReentryVehicle rv = flier;
        YamlNode stagesNode = root.Get("stages");
        IReadOnlyList<YamlNode> items = stagesNode.Items();
        if (items.Count == 0)
        {
            throw stagesNode.Error("expected at least one stage");
        }

        var stages = items.Select(ReadStage).ToList();
        YamlNode body = root.Get("body");
        body.OnlyKeys("diameter_m", "reference_area_m2", "cd");
        double area = ReadArea(body);
        DragCoefficient cd = FlightFile.ReadCd(body.Get("cd"));

        YamlNode guidance = root.Get("guidance");
        guidance.OnlyKeys("vertical_rise_s", "pitch_over_s", "min_elevation_deg", "max_elevation_deg", "law", "climb_elevation_deg");
        SteeringLaw law = guidance.TryGet("law") is { } lawNode
            ? lawNode.String() switch
            {
                "gravity-turn" => SteeringLaw.GravityTurn,
                "fixed-attitude" => SteeringLaw.FixedAttitude,
                "shaped" => SteeringLaw.Shaped,
                string other => throw lawNode.Error($"unknown steering law '{other}'; expected gravity-turn, fixed-attitude or shaped"),
            }
            : SteeringLaw.GravityTurn;
        // Read (and checked) whatever the law, so that a scenario overriding a shaped interceptor's law keeps a valid
        // entry (overrides merge keys); only the shaped law uses it.
        double climbEl = guidance.TryGet("climb_elevation_deg")?.Number(1, 89.9, "an elevation in degrees from 1 to 89.9") ?? 70;
        double rise = guidance.Get("vertical_rise_s").NonNegative("a vertical-rise time in seconds");
        double pitch = guidance.Get("pitch_over_s").Positive("a pitch-over duration in seconds");
        // The shaped law commands the upper stages' attitude, which may point below the horizon to flatten a steep climb;
        // a pitch-over's final elevation cannot.
        double minEl = law == SteeringLaw.Shaped
            ? guidance.TryGet("min_elevation_deg")?.Number(-30, 89, "a commanded elevation in degrees from -30 to 89") ?? 5
            : guidance.TryGet("min_elevation_deg")?.Number(1, 89, "an elevation in degrees from 1 to 89") ?? 10;
        YamlNode? maxNode = guidance.TryGet("max_elevation_deg");
        double maxEl = maxNode?.Number(1, 89.9, "an elevation in degrees from 1 to 89.9") ?? 89;
        if (maxEl <= minEl)
        {
            throw (maxNode ?? guidance).Error("max_elevation_deg must be greater than min_elevation_deg");
        }

        if (rise + pitch >= stages[0].BurnTimeS)
        {
            throw guidance.Error(string.Create(CultureInfo.InvariantCulture,
                $"the vertical rise and pitch-over ({rise + pitch} s) must end before the first stage burns out ({stages[0].BurnTimeS} s)"));
        }

        var rocket = new StagedRocket(name, stages, payload, rv, area, cd, rise, pitch, minEl * Angle.RadPerDeg, maxEl * Angle.RadPerDeg, law,
            law == SteeringLaw.Shaped ? climbEl * Angle.RadPerDeg : 0);
        double liftoffWeightN = rocket.LaunchMassKg * ThrustForce.StandardGravityMPerS2;
        double liftoffThrustN = rocket.LiftoffThrustN;
        if (!rocket.LiftsOff)
        {
            throw items[0].Error(string.Create(CultureInfo.InvariantCulture,
                $"the first stage's sea-level thrust ({liftoffThrustN / 1000:F0} kN) does not exceed the launch weight ({liftoffWeightN / 1000:F0} kN): the missile cannot lift off"));
        }

        return rocket;
    }

    private static RocketStage ReadStage(YamlNode node)
    {
        node.OnlyKeys("gross_mass_kg", "propellant_mass_kg", "isp_vac_s", "burn_time_s", "nozzle_exit_area_m2", "coast_after_s");
        double gross = node.Get("gross_mass_kg").Positive("a stage gross mass in kg");
        YamlNode propNode = node.Get("propellant_mass_kg");
        double propellant = propNode.Positive("a propellant mass in kg");
        if (propellant >= gross)
        {
            throw propNode.Error(string.Create(CultureInfo.InvariantCulture,
                $"the propellant ({propellant} kg) is not lighter than the whole stage ({gross} kg); expected propellant_mass_kg < gross_mass_kg"));
        }

        double isp = node.Get("isp_vac_s").Number(1, 1000, "a vacuum specific impulse in seconds from 1 to 1000");
        double burn = node.Get("burn_time_s").Positive("a burn time in seconds");
        double exit = node.TryGet("nozzle_exit_area_m2")?.NonNegative("a nozzle exit area in m²") ?? 0;
        double coast = node.TryGet("coast_after_s")?.NonNegative("a coast time in seconds") ?? 0;
        return new RocketStage(gross, propellant, isp, burn, exit, coast);
    }

    private static BurnoutStateMissile ReadBurnout(YamlNode root)
    {
        root.OnlyKeys([.. DescriptiveKeys, "burnout", "reentry_vehicle", "guidance"]);
        string name = root.TryGet("name")?.String() ?? "missile";
        YamlNode b = root.Get("burnout");
        b.OnlyKeys("altitude_m", "speed_m_s", "time_s", "downrange_m");
        double altitude = b.Get("altitude_m").Number(0, 2e6, "a burnout altitude in metres from 0 to 2,000,000");
        double speed = b.Get("speed_m_s").Number(1, 11000, "a burnout speed in m/s from 1 to 11,000");
        double time = b.TryGet("time_s")?.NonNegative("a burnout time in seconds") ?? 0;
        double downrange = b.TryGet("downrange_m")?.NonNegative("a burnout downrange distance in metres") ?? 0;
        ReentryVehicle rv = ReadRv(root.Get("reentry_vehicle"));
        double minEl = 0.5, maxEl = 89.5;
        if (root.TryGet("guidance") is { } g)
        {
            g.OnlyKeys("min_elevation_deg", "max_elevation_deg");
            minEl = g.TryGet("min_elevation_deg")?.Number(0.1, 89.9, "a flight-path angle in degrees from 0.1 to 89.9") ?? minEl;
            maxEl = g.TryGet("max_elevation_deg")?.Number(0.1, 89.9, "a flight-path angle in degrees from 0.1 to 89.9") ?? maxEl;
            if (maxEl <= minEl)
            {
                throw g.Error("max_elevation_deg must be greater than min_elevation_deg");
            }
        }

        return new BurnoutStateMissile(name, altitude, speed, time, downrange, rv, minEl * Angle.RadPerDeg, maxEl * Angle.RadPerDeg);
    }

    private static ReentryVehicle ReadRv(YamlNode node)
    {
        node.OnlyKeys("mass_kg", "cd", "reference_area_m2", "diameter_m", "ballistic_coefficient_kg_m2");
        double mass = node.Get("mass_kg").Positive("a re-entry vehicle mass in kg");
        if (node.TryGet("ballistic_coefficient_kg_m2") is { } beta)
        {
            if (node.Has("cd") || node.Has("reference_area_m2") || node.Has("diameter_m"))
            {
                throw beta.Error("give either ballistic_coefficient_kg_m2 or cd with an area, not both");
            }

            return ReentryVehicle.FromBallisticCoefficient(mass, beta.Positive("a ballistic coefficient in kg/m²"));
        }

        if (!node.Has("cd"))
        {
            return new ReentryVehicle(mass, 0, DragCoefficient.Constant(0));
        }

        return new ReentryVehicle(mass, ReadArea(node), FlightFile.ReadCd(node.Get("cd")));
    }

    private static double ReadArea(YamlNode node)
    {
        YamlNode? d = node.TryGet("diameter_m");
        YamlNode? a = node.TryGet("reference_area_m2");
        if (d is not null && a is not null)
        {
            throw a.Error("give either diameter_m or reference_area_m2, not both");
        }

        if (d is not null)
        {
            double dia = d.Positive("a diameter in metres");
            return Math.PI * dia * dia / 4;
        }

        if (a is not null)
        {
            return a.Positive("a reference area in m²");
        }

        throw node.Error("missing key 'diameter_m' or 'reference_area_m2'");
    }
}
