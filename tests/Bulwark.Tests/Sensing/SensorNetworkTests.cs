using Bulwark.Sensing;
using CsCheck;

namespace Bulwark.Tests.Sensing;

/// <summary>
/// <see cref="SensorNetwork"/> and <see cref="NetworkRules"/> against their stated rules (NetworkRules' documentation;
/// docs/catalog-format.md, architecture network): within a coalition every sensor reaches every battery; across
/// coalitions only where a share says so; a sensor at the battery's place is organic (no latency), any other arrives after
/// the network latency; a remote fire-control track may be fired on only with launch_on_remote. Times are sums of the
/// inputs, so the comparisons are exact.
/// </summary>
public class SensorNetworkTests
{
    private static readonly NetworkNode NatoBattery = new("deveselu-sm3", "nato", "deveselu");
    private static readonly NetworkNode NatoOrganic = new("deveselu-spy1", "nato", "deveselu");
    private static readonly NetworkNode NatoRemote = new("kurecik-tpy2", "nato", "kurecik");
    private static readonly NetworkNode NatoSpace = new("sbirs", "nato", null);
    private static readonly NetworkNode Russian = new("gabala-daryal", "russia", "gabala");
    private static readonly NetworkNode RussianBattery = new("armavir-exo", "russia", "armavir");

    private static SensorTimeline Timeline(string id, double? detect, double? fireControl = null) =>
        new(id, detect, detect, detect, fireControl, fireControl ?? detect, fireControl is not null);

    private static NetworkRules Rules(double latency = 5, bool launchOnRemote = true, params (string, string)[] shares) => new(latency, shares, launchOnRemote);

    [Fact]
    public void SameCoalitionReachesAndCrossCoalitionOnlyWithAShare()
    {
        Assert.True(Rules().Reaches(NatoRemote, NatoBattery));
        Assert.True(Rules().Reaches(NatoSpace, NatoBattery));
        Assert.False(Rules().Reaches(Russian, NatoBattery));
        Assert.True(Rules(shares: ("russia", "nato")).Reaches(Russian, NatoBattery));

        // A share is one way: Russia → NATO does not carry NATO data to a Russian battery.
        Assert.False(Rules(shares: ("russia", "nato")).Reaches(NatoRemote, RussianBattery));
        Assert.True(Rules(shares: [("russia", "nato"), ("nato", "russia")]).Reaches(NatoRemote, RussianBattery));

        // And through For: without the share the Russian detection (earliest of all) does not cue the NATO battery.
        var sensors = new[] { (Russian, Timeline("gabala-daryal", 10)), (NatoRemote, Timeline("kurecik-tpy2", 100)) };
        Assert.Equal(105, SensorNetwork.For(NatoBattery, sensors, Rules()).CueS);
        BatteryPicture shared = SensorNetwork.For(NatoBattery, sensors, Rules(shares: ("russia", "nato")));
        Assert.Equal(15, shared.CueS);
        Assert.Equal("gabala-daryal", shared.CueSensor);
    }

    [Fact]
    public void OrganicSensorsHaveNoLatencyAndRemoteOnesTheNetworks()
    {
        NetworkRules rules = Rules(latency: 7.5);
        Assert.True(NetworkRules.Organic(NatoOrganic, NatoBattery));
        Assert.False(NetworkRules.Organic(NatoRemote, NatoBattery));
        Assert.False(NetworkRules.Organic(NatoSpace, NatoBattery));
        Assert.False(NetworkRules.Organic(NatoSpace, new NetworkNode("ship", "nato", null)));  // no place is no place in common
        Assert.Equal(0, rules.LatencyFor(NatoOrganic, NatoBattery));
        Assert.Equal(7.5, rules.LatencyFor(NatoRemote, NatoBattery));
        Assert.Equal(7.5, rules.LatencyFor(NatoSpace, NatoBattery));

        BatteryPicture organic = SensorNetwork.For(NatoBattery, [(NatoOrganic, Timeline("deveselu-spy1", 100, 130))], rules);
        Assert.Equal((100.0, 130.0), (organic.CueS!.Value, organic.FireControlS!.Value));
        Assert.Contains("organic", organic.CuePath);
        BatteryPicture remote = SensorNetwork.For(NatoBattery, [(NatoRemote, Timeline("kurecik-tpy2", 100, 130))], rules);
        Assert.Equal((107.5, 137.5), (remote.CueS!.Value, remote.FireControlS!.Value));
        Assert.Contains("network", remote.CuePath);
    }

    [Fact]
    public void ABatteryFiresOnARemoteFireControlTrackOnlyWithLaunchOnRemote()
    {
        var remoteOnly = new[] { (NatoRemote, Timeline("kurecik-tpy2", 100, 120)) };
        BatteryPicture without = SensorNetwork.For(NatoBattery, remoteOnly, Rules(launchOnRemote: false));
        Assert.Null(without.FireControlS);
        Assert.Null(without.FireControlSensor);
        Assert.Equal(105, without.CueS);  // it is still cued
        Assert.Equal(125, SensorNetwork.For(NatoBattery, remoteOnly, Rules(launchOnRemote: true)).FireControlS);

        // Without launch on remote the organic track is the one to fire on, even when a remote one is earlier.
        var both = new[] { (NatoRemote, Timeline("kurecik-tpy2", 100, 120)), (NatoOrganic, Timeline("deveselu-spy1", 200, 230)) };
        BatteryPicture organicOnly = SensorNetwork.For(NatoBattery, both, Rules(launchOnRemote: false));
        Assert.Equal((230.0, "deveselu-spy1"), (organicOnly.FireControlS!.Value, organicOnly.FireControlSensor));
        Assert.Equal(125, SensorNetwork.For(NatoBattery, both, Rules(launchOnRemote: true)).FireControlS);

        // An early-warning sensor (no fire-control track) never gives one, however early it detects.
        Assert.Null(SensorNetwork.For(NatoBattery, [(NatoSpace, Timeline("sbirs", 10))], Rules()).FireControlS);
    }

    private static readonly string[] Coalitions = ["nato", "russia"];
    private static readonly string?[] Places = ["deveselu", "redzikowo", "kurecik", null];

    private static readonly Gen<(NetworkNode Node, SensorTimeline Timeline)> Sensors = Gen.Select(
        Gen.Int[0, 1], Gen.Int[0, Places.Length - 1], Gen.Double[0, 1000].Nullable(0.2), Gen.Double[0, 300], Gen.Bool,
        (c, p, detect, fcDelay, capable) =>
        {
            var node = new NetworkNode("sensor", Coalitions[c], Places[p]);
            double? fc = capable ? detect + fcDelay : null;
            return (node, new SensorTimeline(node.Id, detect, detect, detect, fc, fc ?? detect, capable));
        });

    [Fact]
    public void CueAndFireControlAreTheEarliestOverTheSensorsThatReach()
    {
        // Oracle, written from the rules rather than the code: over sensors that reach the battery, the cue is the least
        // detection + latency, and fire control the least fire-control time + latency over those it may fire on.
        var cases = Gen.Select(Sensors.Array[0, 8], Gen.Int[0, 1], Gen.Int[0, Places.Length - 2], Gen.Double[0, 20], Gen.Bool, Gen.Int[0, 3],
            (sensors, c, p, latency, lor, shareMask) => (
                sensors: sensors.Select((s, i) => (Node: s.Node with { Id = $"s{i}" }, Timeline: s.Timeline with { SensorId = $"s{i}" })).ToArray(),
                battery: new NetworkNode("battery", Coalitions[c], Places[p]), latency, lor, shareMask));
        cases.Sample(x =>
        {
            var shares = new List<(string, string)>();
            if ((x.shareMask & 1) != 0)
            {
                shares.Add(("russia", "nato"));
            }

            if ((x.shareMask & 2) != 0)
            {
                shares.Add(("nato", "russia"));
            }

            var rules = new NetworkRules(x.latency, shares, x.lor);
            BatteryPicture picture = SensorNetwork.For(x.battery, x.sensors, rules);
            var reaching = x.sensors.Where(s => s.Node.Coalition == x.battery.Coalition || shares.Contains((s.Node.Coalition, x.battery.Coalition))).ToList();
            bool Organic(NetworkNode s) => s.PlaceId is not null && s.PlaceId == x.battery.PlaceId;
            double Latency(NetworkNode s) => Organic(s) ? 0 : x.latency;
            double? cue = reaching.Where(s => s.Timeline.FirstDetectS is not null).Select(s => (double?)(s.Timeline.FirstDetectS!.Value + Latency(s.Node))).Min();
            double? fc = reaching.Where(s => s.Timeline.FireControlS is not null && (x.lor || Organic(s.Node)))
                .Select(s => (double?)(s.Timeline.FireControlS!.Value + Latency(s.Node))).Min();
            Assert.Equal(cue, picture.CueS);
            Assert.Equal(fc, picture.FireControlS);
            Assert.Equal(cue is null, picture.CueSensor is null);
            Assert.Equal(fc is null, picture.FireControlSensor is null);

            // The named sensor is one that reaches and gives that time.
            if (picture.CueSensor is { } id)
            {
                var s = reaching.First(r => r.Node.Id == id);
                Assert.Equal(cue, s.Timeline.FirstDetectS + Latency(s.Node));
            }
        }, iter: 2000);
    }
}
