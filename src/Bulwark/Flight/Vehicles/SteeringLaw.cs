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
}
