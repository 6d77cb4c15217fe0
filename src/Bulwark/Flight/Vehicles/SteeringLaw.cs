namespace Bulwark.Flight.Vehicles;

/// <summary>What a staged vehicle's thrust does after the pitch-over.</summary>
public enum SteeringLaw
{
    /// <summary>Along the air-relative velocity (zero angle of attack): ballistic missiles.</summary>
    GravityTurn,

    /// <summary>
    /// Holds the pitch-over's final elevation above the local horizontal toward the launch azimuth: an interceptor steering
    /// its fly-out toward a point, able to fly flat as well as steep.
    /// </summary>
    FixedAttitude,

    /// <summary>
    /// A shaped interceptor ascent (docs/engagement.md, "The fly-out family"): the first stage rises, pitches over toward
    /// the steeper of the commanded elevation and the climb-out elevation (<see cref="StagedRocket.ClimbElevationRad"/>)
    /// and flies a gravity turn out of the dense air; every later stage holds the commanded elevation above the local
    /// horizontal toward the launch azimuth. The commanded elevation is the family's one control: low gives a flat
    /// burnout, high a near-vertical one.
    /// </summary>
    Shaped,
}
