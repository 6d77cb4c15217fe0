namespace Bulwark.Flight.Targeting;

/// <summary>One threat: a missile from a launch place at a target place, with a trajectory shape.</summary>
public sealed record Threat(string Id, string MissileId, string FromId, string ToId, TrajectoryShape Shape);

/// <summary>A named set of threats (e.g. <c>iran-to-europe</c>).</summary>
public sealed record ThreatSet(string Id, string Name, IReadOnlyList<Threat> Threats);
