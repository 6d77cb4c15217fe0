using System.Text.Json;
using Bulwark.Atmosphere;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;

namespace Bulwark.Output.Json;

/// <summary>The JSON of <c>bulwark fly</c> (DESIGN §7 keys: snake_case, units in the names), rounded by <see cref="Rounding"/>.</summary>
public static class FlightJson
{
    /// <summary>The atmosphere's name as the outputs give it.</summary>
    public static string AtmosphereName(IAtmosphere a) => a is NoAtmosphere ? "none" : "US Standard Atmosphere 1976";

    /// <summary>A targeted flight (<c>bulwark fly --missile … --from … --to …</c>; also its summary.json).</summary>
    public static string Targeted(FlightEnvironment environment, TargetingSolution s) => Write(w =>
    {
        TrajectoryPoint burnout = TrajectoryPoint.From(environment, s.Burnout);
        w.WriteString("missile", s.Missile.Name);
        w.WriteString("shape", s.Request.Shape.Name());
        LatLon(w, "launch", s.Request.Launch);
        LatLon(w, "aim", s.Request.Aim);
        LatLon(w, "impact", s.Impact);
        w.WriteNumber("miss_distance_m", Rounding.Metres(s.MissDistanceM));
        w.WriteNumber("ground_range_km", Rounding.Km(s.GroundRangeM));
        w.WriteNumber("flight_time_s", Rounding.Time(s.FlightTimeS));
        w.WriteNumber("azimuth_deg", Rounding.AngleDeg(s.AzimuthRad));
        w.WriteNumber("energy_fraction", Rounding.Estimate(s.Controls.EnergyFraction));
        w.WriteNumber("elevation_deg", Rounding.AngleDeg(s.Controls.ElevationRad));
        w.WriteStartObject("burnout");
        w.WriteNumber("time_s", Rounding.Time(burnout.TimeS - s.Request.LaunchTimeS));
        w.WriteNumber("altitude_km", Rounding.Km(burnout.Position.HeightM));
        w.WriteNumber("speed_km_s", Rounding.KmPerS(burnout.SpeedMPerS));
        w.WriteNumber("flight_path_angle_deg", Rounding.AngleDeg(burnout.FlightPathAngleRad));
        w.WriteEndObject();
        if (s.Apogee is { } a)
        {
            w.WriteStartObject("apogee");
            w.WriteNumber("time_s", Rounding.Time(a.TimeS - s.Request.LaunchTimeS));
            w.WriteNumber("altitude_km", Rounding.Km(environment.GeodeticPosition(a).HeightM));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("apogee");
        }

        w.WriteNumber("trajectories_flown", s.Flights);
        Environment(w, environment);
    });

    /// <summary>A flight file's propagation: the events and every sample, unrounded (the NESC check-cases compare them).</summary>
    public static string Propagation(FlightEnvironment environment, Trajectory t, IReadOnlyList<TrajectoryPoint> points) => Write(w =>
    {
        w.WriteString("end", t.End == FlightEnd.Altitude ? "altitude" : "time");
        w.WriteNumber("end_time_s", t.Final.TimeS);
        w.WriteStartArray("events");
        foreach (FlightEvent e in t.Events)
        {
            TrajectoryPoint p = TrajectoryPoint.From(environment, e.State);
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteNumber("time_s", p.TimeS);
            w.WriteNumber("lat_deg", p.Position.LatitudeDeg);
            w.WriteNumber("lon_deg", p.Position.LongitudeDeg);
            w.WriteNumber("alt_m", p.Position.HeightM);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("samples");
        foreach (TrajectoryPoint p in points)
        {
            w.WriteStartObject();
            w.WriteNumber("t_s", p.TimeS);
            w.WriteNumber("lat_deg", p.Position.LatitudeDeg);
            w.WriteNumber("lon_deg", p.Position.LongitudeDeg);
            w.WriteNumber("alt_m", p.Position.HeightM);
            w.WriteNumber("v_north_m_s", p.VelocityNedMPerS.X);
            w.WriteNumber("v_east_m_s", p.VelocityNedMPerS.Y);
            w.WriteNumber("v_down_m_s", p.VelocityNedMPerS.Z);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Environment(w, environment);
    });

    private static void LatLon(Utf8JsonWriter w, string name, Geodetic g) =>
        w.WriteLatLon(name, g.LatitudeDeg, TrajectoryGeoJson.NormalizeLongitude(g.LongitudeDeg));

    private static void Environment(Utf8JsonWriter w, FlightEnvironment environment)
    {
        w.WriteStartObject("earth");
        w.WriteString("model", environment.Planet.Shape.IsSphere ? "sphere" : "wgs84");
        w.WriteNumber("equatorial_radius_m", environment.Planet.Shape.EquatorialRadiusM);
        w.WriteNumber("j2", environment.Planet.J2);
        w.WriteNumber("rotation_rad_s", environment.Planet.RotationRateRadPerS);
        w.WriteEndObject();
        w.WriteString("atmosphere", AtmosphereName(environment.Atmosphere));
    }

    private static string Write(Action<Utf8JsonWriter> body) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        body(w);
        w.WriteEndObject();
    });
}
