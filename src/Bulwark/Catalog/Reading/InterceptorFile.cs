using System.Globalization;
using Bulwark.Engagement;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Vehicles;

namespace Bulwark.Catalog.Reading;

/// <summary>
/// Reads an interceptor entry: the staged-rocket keys of a missile (<c>stages</c>, <c>body</c>, <c>guidance</c>) with
/// <c>kill_vehicle_mass_kg</c> as the payload, and the interceptor's own figures. See docs/catalog-format.md.
/// </summary>
public static class InterceptorFile
{
    public static Interceptor Read(YamlNode root)
    {
        root.OnlyKeys("id", "name", "type", "stages", "kill_vehicle_mass_kg", "body", "guidance", "burnout_speed_km_s",
            "min_intercept_alt_km", "max_intercept_alt_km", "reaction_time_s", "pk", "provenance", "uncertain", "notes");
        YamlNode type = root.Get("type");
        if (type.String() != "staged")
        {
            throw type.Error($"unknown interceptor type '{type.String()}'; expected staged");
        }

        string id = root.Get("id").String();
        double kv = root.Get("kill_vehicle_mass_kg").Positive("a kill-vehicle mass in kg");
        StagedRocket rocket = MissileFile.ReadRocket(root, kv, new ReentryVehicle(kv, 0, DragCoefficient.Constant(0)));
        double burnout = root.Get("burnout_speed_km_s").Number(0.5, 11, "a burnout speed in km/s from 0.5 to 11");
        double minAlt = root.Get("min_intercept_alt_km").Number(0, 5000, "an altitude in km from 0 to 5,000");
        YamlNode maxNode = root.Get("max_intercept_alt_km");
        double maxAlt = maxNode.Number(0, 5000, "an altitude in km from 0 to 5,000");
        if (maxAlt <= minAlt)
        {
            throw maxNode.Error(string.Create(CultureInfo.InvariantCulture, $"expected more than min_intercept_alt_km ({minAlt} km)"));
        }

        double reaction = root.Get("reaction_time_s").NonNegative("a reaction time in seconds");
        double pk = root.Get("pk").Number(0, 1, "a kill probability from 0 to 1");
        return new Interceptor(id, rocket, burnout * 1000, minAlt * 1000, maxAlt * 1000, reaction, pk);
    }
}
