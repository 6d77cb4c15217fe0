namespace Bulwark.Flight.Targeting;

/// <summary>The shape of a targeted trajectory.</summary>
public enum TrajectoryShape
{
    /// <summary>The least energy that reaches the aim point: early thrust termination on the range-maximising profile.</summary>
    MinimumEnergy,

    /// <summary>Full energy, steeper than minimum energy (higher apogee, longer flight); optionally to a given apogee.</summary>
    Lofted,

    /// <summary>Full energy, flatter than minimum energy (lower apogee, shorter flight).</summary>
    Depressed,
}
