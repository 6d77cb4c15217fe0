using Bulwark.Catalog;
using Bulwark.Engagement;
using Bulwark.Sensing;
using Bulwark.Flight.Targeting;

namespace Bulwark.Analysis;

/// <summary>For one threat: every sensor's timeline and what every battery knows, and when.</summary>
public sealed record ThreatPicture(FlownThreat Threat, IReadOnlyList<SensorTimeline> Sensors, IReadOnlyList<BatteryPicture> Batteries);

/// <summary>The architecture's sensors looking at the scenario's threats, and the network carrying what they see to the batteries.</summary>
public static class SensorPicture
{
    /// <summary>
    /// The scenario's sensors deployed once, as a function from a flown threat to its picture (a footprint pictures
    /// thousands of threats); thread-safe.
    /// </summary>
    public static Func<FlownThreat, ThreatPicture> Prepare(AnalysisContext context, Architecture architecture)
    {
        var sensors = Deploy(context, architecture);
        var rules = new NetworkRules(architecture.NetworkLatencyS, architecture.Shares, architecture.LaunchOnRemote);
        var batteries = architecture.Batteries.Select(b => new NetworkNode(b.Id, b.Coalition, b.PlaceId)).ToList();
        return f =>
        {
            var timelines = sensors.Select(s => (s.Node, s.Timeline(f.Track))).ToList();
            return new ThreatPicture(f, [.. timelines.Select(t => t.Item2)], [.. batteries.Select(b => SensorNetwork.For(b, timelines, rules))]);
        };
    }

    /// <summary>A deployed sensor: its network node and how it builds a timeline.</summary>
    public sealed record Deployed(NetworkNode Node, SensorSpec Spec, DeployedRadar? Radar, Func<ThreatTrack, SensorTimeline> Timeline);

    /// <summary>The architecture's sensors at their sites.</summary>
    public static IReadOnlyList<Deployed> Deploy(AnalysisContext context, Architecture architecture) =>
        [.. architecture.Sensors.Select(s =>
        {
            BulwarkCatalog catalog = context.Catalog;
            double refractionK = context.Sensors.RefractionK;
            SensorSpec spec = catalog.Sensor(s.SensorId);
            var node = new NetworkNode(s.Id, s.Coalition, s.PlaceId);
            switch (spec)
            {
                case RadarSpec radar:
                    var deployed = new DeployedRadar(s.Id, radar, catalog.Place(s.PlaceId!).Position, s.BoresightAzimuthRad, refractionK);
                    return new Deployed(node, spec, deployed, track => context.RadarTimelines.Of(deployed, track));
                case SpaceInfraredSpec ir:
                    return new Deployed(node, spec, null, track => Timelines.SpaceInfrared(s.Id, ir, track));
                default:
                    throw new InvalidOperationException($"unknown sensor type {spec.GetType().Name}");
            }
        })];
}
