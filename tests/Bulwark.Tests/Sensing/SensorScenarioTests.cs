using System.Globalization;
using System.Text;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Sensing;
using static Bulwark.Tests.Sensing.SensingFixtures;
using Bulwark.Tests.Validation;
using Bulwark.Engagement;

namespace Bulwark.Tests.Sensing;

/// <summary>
/// The sensor picture of the built-in catalog's radars against flown catalog threats: the V5 geometry
/// (REFERENCES.md) carried through to whole flights, and the qualitative claim behind the Russian offer of radar data
/// (catalog architecture nato-russia-shared-radars): with Gabala's and Armavir's data NATO batteries know of Iranian
/// launches no later, and for some threats sooner. Flights are shared (SensingFixtures) and flown once.
/// </summary>
public class SensorScenarioTests
{
    [Fact]
    public void GabalaDetectsASemnanLaunchTowardEurope()
    {
        // V5: Semnan lies on bearing 137.5° from Gabala, inside the 107°–217° sector, 824 km away; a Sejjil-3 climbing out
        // of Semnan towards Warsaw rises above the 40 km (k = 4/3) first-visible altitude well inside the 6,000 km range.
        FlownThreat sejjil = IranToEurope.Value.Single(f => f.Threat.Id == "sejjil-3-semnan-warsaw");
        SensorTimeline t = Timelines.Radar(Deploy("daryal-gabala", "gabala"), sejjil.Track);
        Assert.NotNull(t.FirstDetectS);
        Assert.NotNull(t.FirmTrackS);
        Assert.Null(t.FireControlS);  // early warning only
        Assert.True(t.FirstDetectS <= sejjil.Track.BurnoutTimeS, $"Gabala first detects the Sejjil-3 at {t.FirstDetectS} s, after burnout at {sejjil.Track.BurnoutTimeS:0.#} s: {t}");
    }

    [Fact]
    [ValidationCase(ValidationArea.Sensing, "Gabala never sees a Topol-M from Kozelsk toward Washington",
        Source = "REFERENCES.md V5 (Kozelsk on bearing 333° from Gabala, outside the Daryal's 107°–217° sector); the Russian argument that Gabala looks south",
        Tolerance = "never visible, never detected, never tracked",
        Why = "a geometric statement: pass or fail")]
    public void GabalaNeverSeesATopolMFromKozelskTowardWashington()
    {
        // V5: Kozelsk is on bearing 333.0° from Gabala, outside the sector, and the flight goes north-west from there,
        // away from Gabala: it is never in the field of regard, so never even visible.
        FlownThreat topol = TopolMKozelskWashington.Value;
        SensorTimeline t = Timelines.Radar(Deploy("daryal-gabala", "gabala"), topol.Track);
        Assert.Null(t.FirstVisibleS);
        Assert.Null(t.FirstDetectS);
        Assert.Null(t.FirmTrackS);
        ValidationLog.Measured("never visible");
    }

    /// <summary>The two scenarios' pictures over the same flights (iran-to-europe, flown once).</summary>
    private static readonly Lazy<(IReadOnlyList<ThreatPicture> Shared, IReadOnlyList<ThreatPicture> Epaa)> Pictures = new(() =>
    {
        Scenario shared = SharedRadars.Value, epaa = EpaaPhase3.Value;
        IReadOnlyList<FlownThreat> flown = IranToEurope.Value;
        return (TestData.Context(shared.Catalog).See(shared.Architecture!, flown), TestData.Context(epaa.Catalog).See(epaa.Architecture!, flown));
    });

    [Fact]
    public void BothScenariosFaceTheSameThreatsSoTheyShareOneSetOfFlights()
    {
        Scenario shared = SharedRadars.Value, epaa = EpaaPhase3.Value;
        Assert.Equal(shared.Threats, epaa.Threats);
        Assert.Equal(8, shared.Threats.Count);
        Assert.All(shared.Threats, t => Assert.Contains(t.FromId, new[] { "tabriz", "semnan" }));

        // The shared-radars architecture is EPAA phase 3 plus the two Russian radars and a Russia → NATO share.
        Architecture a = shared.Architecture!, b = epaa.Architecture!;
        Assert.Equal(b.Batteries, a.Batteries);
        Assert.Equal(b.Sensors, a.Sensors.Take(b.Sensors.Count));
        Assert.Equal(["gabala-daryal", "armavir-voronezh"], a.Sensors.Skip(b.Sensors.Count).Select(s => s.Id));
        Assert.Contains(("russia", "nato"), a.Shares);
        Assert.Equal(b.NetworkLatencyS, a.NetworkLatencyS);
        Assert.Equal(b.LaunchOnRemote, a.LaunchOnRemote);
    }

    private static string F(double? s) => s is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "never";

    /// <summary>a is at least as early as b, where null (never) is latest.</summary>
    private static bool NoLater(double? a, double? b) => b is null || (a is not null && a <= b);

    private static bool Earlier(double? a, double? b) => a is not null && (b is null || a < b);

    [Fact]
    [ValidationCase(ValidationArea.Sensing, "Shared Russian radar data never delays and sometimes advances NATO cues",
        Source = "the 2010 offers to share Gabala and Armavir data (REFERENCES.md §1); nato-russia-shared-radars vs epaa-phase-3-2018 on iran-to-europe",
        Tolerance = "no cue or fire-control time later; at least one earlier",
        Why = "adding sensors to a network can only add data: a qualitative property")]
    public void SharedRussianRadarDataNeverDelaysAndSometimesAdvancesNatoCuesAndFireControl()
    {
        var (shared, epaa) = Pictures.Value;
        Assert.Equal(epaa.Count, shared.Count);
        var table = new StringBuilder("threat / battery: cue shared vs EPAA (sensor); fire control shared vs EPAA\n");
        bool anyEarlier = false, allNoLater = true;
        for (int i = 0; i < shared.Count; i++)
        {
            Assert.Equal(epaa[i].Threat.Threat.Id, shared[i].Threat.Threat.Id);
            Assert.Equal(epaa[i].Batteries.Select(b => b.BatteryId), shared[i].Batteries.Select(b => b.BatteryId));
            Assert.Equal(3, shared[i].Batteries.Count);
            for (int j = 0; j < shared[i].Batteries.Count; j++)
            {
                BatteryPicture s = shared[i].Batteries[j], e = epaa[i].Batteries[j];
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"{shared[i].Threat.Threat.Id} / {s.BatteryId}: cue {F(s.CueS)} ({s.CueSensor}) vs {F(e.CueS)} ({e.CueSensor}); fc {F(s.FireControlS)} ({s.FireControlSensor}) vs {F(e.FireControlS)} ({e.FireControlSensor})");
                allNoLater &= NoLater(s.CueS, e.CueS) && NoLater(s.FireControlS, e.FireControlS);
                anyEarlier |= Earlier(s.CueS, e.CueS) || Earlier(s.FireControlS, e.FireControlS);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        Assert.True(allNoLater, $"a shared-radars time is later than EPAA's:\n{table}");
        Assert.True(anyEarlier, $"no cue or fire-control time is earlier with the shared radars:\n{table}");
        int earlier = 0;
        for (int i = 0; i < shared.Count; i++)
        {
            earlier += shared[i].Batteries.Zip(epaa[i].Batteries).Any(p => Earlier(p.First.CueS, p.Second.CueS)) ? 1 : 0;
        }

        ValidationLog.Measured($"earlier cue for {earlier} of {shared.Count} threats, later for none");
    }
}
