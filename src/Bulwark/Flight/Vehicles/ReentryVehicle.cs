using Bulwark.Flight.Forces;

namespace Bulwark.Flight.Vehicles;

/// <summary>
/// The re-entry vehicle that separates at the end of powered flight and flies on alone. Its drag is given either as C_D and
/// a reference area, or as a ballistic coefficient β = m/(C_D·S) in kg/m² (then S is taken as 1 m² and C_D = m/β).
/// </summary>
public sealed record ReentryVehicle(double MassKg, double ReferenceAreaM2, DragCoefficient Cd)
{
    /// <summary>An RV described by its ballistic coefficient β (kg/m²).</summary>
    public static ReentryVehicle FromBallisticCoefficient(double massKg, double ballisticCoefficientKgPerM2) =>
        new(massKg, 1.0, DragCoefficient.Constant(massKg / ballisticCoefficientKgPerM2));

    public PointMassBody Body => new(MassKg, ReferenceAreaM2, Cd);
}
