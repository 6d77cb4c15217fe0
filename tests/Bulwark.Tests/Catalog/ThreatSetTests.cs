using Bulwark.Catalog;
using Bulwark.Flight;
using Bulwark.Flight.Targeting;
using Bulwark.Tests.Validation;

namespace Bulwark.Tests.Catalog;

/// <summary>Every threat of every built-in threat set is within its missile's reach: targeting hits it within 1 km.</summary>
public class ThreatSetTests
{
    private static readonly BulwarkCatalog Catalog = BulwarkCatalog.BuiltIn;

    public static TheoryData<string> Threats => [.. Catalog.OfKind("threat-sets")
        .SelectMany(e => Catalog.ThreatSet(e.Id).Threats).Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(Threats))]
    [ValidationCase(ValidationArea.Targeting, "Every threat of every threat set is hit",
        Source = "catalog/threat-sets.yaml: each threat is meant to be within its missile's reach",
        Tolerance = "miss under 1 km",
        Why = "the targeter's stopping criterion; a kilometre does not change any sensor or engagement time at the 1 s track step")]
    public void TheThreatFliesToItsTarget(string id)
    {
        Threat threat = Catalog.OfKind("threat-sets").SelectMany(e => Catalog.ThreatSet(e.Id).Threats).First(t => t.Id == id);
        var request = new TargetingRequest(Catalog.Place(threat.FromId).Position with { HeightM = 0 }, Catalog.Place(threat.ToId).Position, threat.Shape);
        TargetingSolution s = new Targeter(FlightEnvironment.Default).Solve(Catalog.Missile(threat.MissileId), request);
        Assert.True(s.MissDistanceM < 1000, $"{id}: miss {s.MissDistanceM:F0} m");
        ValidationLog.Measured(FormattableString.Invariant($"{id}: miss {s.MissDistanceM:0} m"));
    }
}
