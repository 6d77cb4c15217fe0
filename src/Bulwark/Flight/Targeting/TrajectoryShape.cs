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

/// <summary>The names of shapes in files, flags and reports.</summary>
public static class TrajectoryShapeNames
{
    public static string Name(this TrajectoryShape shape) => shape switch
    {
        TrajectoryShape.Lofted => "lofted",
        TrajectoryShape.Depressed => "depressed",
        _ => "minimum-energy",
    };

    /// <summary>The shape with that name, or null.</summary>
    public static TrajectoryShape? Parse(string name) => name switch
    {
        "minimum-energy" => TrajectoryShape.MinimumEnergy,
        "lofted" => TrajectoryShape.Lofted,
        "depressed" => TrajectoryShape.Depressed,
        _ => null,
    };
}
