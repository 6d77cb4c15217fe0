using Bulwark.Flight;
using Bulwark.Flight.Forces;
using Bulwark.Flight.Vehicles;
using Bulwark.Catalog.Reading;

namespace Bulwark.Tests.Catalog.Reading;

/// <summary>Missile files read into the values docs/flight-files.md promises, defaults included.</summary>
public class MissileFileTests
{
    private const string Staged = """
        name: test missile
        type: staged
        stages:
          - { gross_mass_kg: 14000, propellant_mass_kg: 12300, isp_vac_s: 265, burn_time_s: 50, nozzle_exit_area_m2: 0.3, coast_after_s: 4 }
          - { gross_mass_kg: 6800, propellant_mass_kg: 5900, isp_vac_s: 275, burn_time_s: 50 }
        payload_mass_kg: 750
        reentry_vehicle: { mass_kg: 650, ballistic_coefficient_kg_m2: 5000 }
        body: { diameter_m: 1.25, cd: 0.3 }
        guidance: { vertical_rise_s: 8, pitch_over_s: 10 }
        """;

    [Fact]
    public void AStagedMissileIsReadWithItsDefaults()
    {
        // Body area from the diameter: π·d²/4; RV from β: S = 1 m², C_D = m/β; elevations default to 10°–89°.
        var r = Assert.IsType<StagedRocket>(MissileFile.Parse("m.yaml", Staged));
        Assert.Equal("test missile", r.Name);
        Assert.Equal([new RocketStage(14000, 12300, 265, 50, 0.3, 4), new RocketStage(6800, 5900, 275, 50)], r.Stages);
        Assert.Equal(750, r.PayloadMassKg);
        Assert.Equal(ReentryVehicle.FromBallisticCoefficient(650, 5000), r.Rv);
        Assert.Equal(Math.PI * 1.25 * 1.25 / 4, r.BodyReferenceAreaM2, 1e-15);
        Assert.Equal(0.3, r.BodyCd.At(1));
        Assert.Equal((8.0, 10.0), (r.VerticalRiseS, r.PitchOverS));
        Assert.Equal(10 * Math.PI / 180, r.MinElevationRad, 1e-15);
        Assert.Equal(89 * Math.PI / 180, r.MaxElevationRad, 1e-15);
    }

    [Fact]
    public void ReentryVehicleDragFromCdAndDiameterOrNone()
    {
        var withCd = (StagedRocket)MissileFile.Parse("m.yaml", Staged.Replace("ballistic_coefficient_kg_m2: 5000", "cd: 0.12, diameter_m: 0.5"));
        Assert.Equal(new ReentryVehicle(650, Math.PI * 0.25 / 4, DragCoefficient.Constant(0.12)), withCd.Rv);
        var none = (StagedRocket)MissileFile.Parse("m.yaml", Staged.Replace(", ballistic_coefficient_kg_m2: 5000", ""));
        Assert.Equal(0, none.Rv.ReferenceAreaM2);
        Assert.Single(none.Rv.Body.Forces(FlightEnvironment.Default)); // gravity only
    }

    [Fact]
    public void ABurnoutStateMissileIsReadWithItsDefaults()
    {
        const string text = """
            type: burnout-state
            burnout: { altitude_m: 150000, speed_m_s: 3500 }
            reentry_vehicle: { mass_kg: 400 }
            """;
        var m = Assert.IsType<BurnoutStateMissile>(MissileFile.Parse("b.yaml", text));
        Assert.Equal("missile", m.Name);
        Assert.Equal((150000.0, 3500.0, 0.0, 0.0), (m.BurnoutAltitudeM, m.BurnoutSpeedMPerS, m.BurnoutTimeS, m.BurnoutDownrangeM));
        Assert.Equal(0.5 * Math.PI / 180, m.MinElevationRad, 1e-15);
        Assert.Equal(89.5 * Math.PI / 180, m.MaxElevationRad, 1e-15);
        Assert.Equal(400, m.Rv.MassKg);
    }
}
