using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Sensing;
using Bulwark.Flight.Targeting;
using Bulwark.Geography;
using Bulwark.Catalog.Reading;

namespace Bulwark.Tests.Sensing;

/// <summary>
/// Catalog look-ups and flown threats shared by the sensing tests. Flights are the slow part (about a second each on
/// this machine), so each is flown once per test run and shared through a <see cref="Lazy{T}"/> (thread-safe, since
/// xunit runs test classes in parallel).
/// </summary>
internal static class SensingFixtures
{
    public const double DegToRad = Math.PI / 180;

    public static BulwarkCatalog Catalog => BulwarkCatalog.BuiltIn;

    public static Place Place(string id) => Catalog.Place(id);

    public static RadarSpec Radar(string sensorId) => (RadarSpec)SensorReader.Read(Catalog.Get("sensors", sensorId).Node);

    public static SpaceInfraredSpec SpaceIr(string sensorId) => (SpaceInfraredSpec)SensorReader.Read(Catalog.Get("sensors", sensorId).Node);

    /// <summary>A catalog radar deployed at a catalog place (the place's alt_m is the radar height).</summary>
    public static DeployedRadar Deploy(string sensorId, string placeId, double? boresightDeg = null, double k = RadarHorizon.StandardRefraction) =>
        new($"{placeId}-{sensorId}", Radar(sensorId), Place(placeId).Position, boresightDeg * DegToRad, k);

    /// <summary>Initial geodesic azimuth (degrees in [0, 360)) and distance (km) between two catalog places on WGS-84.</summary>
    public static (double AzimuthDeg, double DistanceKm) Bearing(string fromId, string toId)
    {
        Geodetic a = Place(fromId).Position, b = Place(toId).Position;
        GeodesicLine line = Geodesic.Inverse(Ellipsoid.Wgs84, a.LatitudeRad, a.LongitudeRad, b.LatitudeRad, b.LongitudeRad);
        return (Normalize360(line.InitialAzimuthRad / DegToRad), line.DistanceM / 1000);
    }

    public static double Normalize360(double deg) => ((deg % 360) + 360) % 360;

    public static Scenario LoadScenario(string name) =>
        ScenarioLoader.Load($"scenarios/{name}.yaml", TestData.Read("scenarios", $"{name}.yaml"));

    /// <summary>The shared-radars scenario (architecture nato-russia-shared-radars, threats iran-to-europe).</summary>
    public static readonly Lazy<Scenario> SharedRadars = new(() => LoadScenario("nato-russia-shared-radars-vs-iran-to-europe"));

    /// <summary>The EPAA phase 3 scenario (architecture epaa-phase-3-2018, threats iran-to-europe).</summary>
    public static readonly Lazy<Scenario> EpaaPhase3 = new(() => LoadScenario("epaa-phase-3-2018-vs-iran-to-europe"));

    /// <summary>
    /// The iran-to-europe threats, flown once (1 s track step). Both scenarios above name the same threat set over the
    /// built-in catalog with no overrides, so the same flights serve both (SensorScenarioTests checks that the threat lists agree).
    /// </summary>
    public static readonly Lazy<IReadOnlyList<FlownThreat>> IranToEurope = new(() => TestData.Context(SharedRadars.Value.Catalog).Fly(SharedRadars.Value.Threats));

    /// <summary>The catalog's Topol-M from Kozelsk at Washington (threat set russia-to-us), flown once.</summary>
    public static readonly Lazy<FlownThreat> TopolMKozelskWashington = new(() =>
    {
        ThreatSet set = Catalog.ThreatSet("russia-to-us");
        Threat threat = set.Threats.Single(t => t.Id == "topol-m-kozelsk-washington");
        return ThreatFlights.Fly(TestData.Context(Catalog), threat);
    });
}
