namespace Bulwark.Flight.Vehicles;

/// <summary>One stage of a staged rocket: constant thrust and mass flow for its burn time.</summary>
/// <param name="GrossMassKg">stage mass with propellant, kg</param>
/// <param name="PropellantMassKg">propellant burned, kg (less than the gross mass)</param>
/// <param name="VacuumIspS">vacuum specific impulse, s</param>
/// <param name="BurnTimeS">burn time, s</param>
/// <param name="NozzleExitAreaM2">nozzle exit area for the back-pressure loss p_a·A_e, m² (0 = none)</param>
/// <param name="CoastAfterS">coast between this stage's burnout and the next stage's ignition, s</param>
public sealed record RocketStage(double GrossMassKg, double PropellantMassKg, double VacuumIspS, double BurnTimeS, double NozzleExitAreaM2 = 0, double CoastAfterS = 0)
{
    public double DryMassKg => GrossMassKg - PropellantMassKg;

    public double MassFlowKgPerS => PropellantMassKg / BurnTimeS;

    /// <summary>Vacuum thrust, N.</summary>
    public double VacuumThrustN => MassFlowKgPerS * VacuumIspS * Forces.ThrustForce.StandardGravityMPerS2;
}
