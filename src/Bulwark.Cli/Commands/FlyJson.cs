using System.Text;
using System.Text.Json;
using Bulwark.Earth;
using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Numerics;
using Bulwark.Output;

namespace Bulwark.Cli.Commands;

/// <summary>The JSON of <c>bulwark fly</c> (DESIGN §7 keys: snake_case, units in the names).</summary>
internal static class FlyJson
{
    public static string Targeted(FlightEnvironment environment, TargetingSolution s) => Write(w =>
    {
        TrajectoryPoint burnout = TrajectoryPoint.From(environment, s.Burnout);
        w.WriteString("missile", s.Missile.Name);
        w.WriteString("shape", s.Request.Shape.Name());
        LatLon(w, "launch", s.Request.Launch);
        LatLon(w, "aim", s.Request.Aim);
        LatLon(w, "impact", s.Impact);
        w.WriteNumber("miss_distance_m", Math.Round(s.MissDistanceM, 1));
        w.WriteNumber("ground_range_km", Math.Round(s.GroundRangeM / 1000, 3));
        w.WriteNumber("flight_time_s", Math.Round(s.FlightTimeS, 2));
        w.WriteNumber("azimuth_deg", Math.Round(Angle.RadToDeg(s.AzimuthRad), 4));
        w.WriteNumber("energy_fraction", Math.Round(s.Controls.EnergyFraction, 6));
        w.WriteNumber("elevation_deg", Math.Round(Angle.RadToDeg(s.Controls.ElevationRad), 4));
        w.WriteStartObject("burnout");
        w.WriteNumber("time_s", Math.Round(burnout.TimeS - s.Request.LaunchTimeS, 2));
        w.WriteNumber("altitude_km", Math.Round(burnout.Position.HeightM / 1000, 3));
        w.WriteNumber("speed_km_s", Math.Round(burnout.SpeedMPerS / 1000, 4));
        w.WriteNumber("flight_path_angle_deg", Math.Round(Angle.RadToDeg(burnout.FlightPathAngleRad), 3));
        w.WriteEndObject();
        if (s.Apogee is { } a)
        {
            w.WriteStartObject("apogee");
            w.WriteNumber("time_s", Math.Round(a.TimeS - s.Request.LaunchTimeS, 2));
            w.WriteNumber("altitude_km", Math.Round(environment.GeodeticPosition(a).HeightM / 1000, 3));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("apogee");
        }

        w.WriteNumber("trajectories_flown", s.Flights);
        Environment(w, environment);
    });

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

    private static void LatLon(Utf8JsonWriter w, string name, Geodetic g)
    {
        w.WriteStartObject(name);
        w.WriteNumber("lat_deg", Math.Round(g.LatitudeDeg, 6));
        w.WriteNumber("lon_deg", Math.Round(TrajectoryGeoJson.NormalizeLongitude(g.LongitudeDeg), 6));
        w.WriteEndObject();
    }

    private static void Environment(Utf8JsonWriter w, FlightEnvironment environment)
    {
        w.WriteStartObject("earth");
        w.WriteString("model", environment.Planet.Shape.IsSphere ? "sphere" : "wgs84");
        w.WriteNumber("equatorial_radius_m", environment.Planet.Shape.EquatorialRadiusM);
        w.WriteNumber("j2", environment.Planet.J2);
        w.WriteNumber("rotation_rad_s", environment.Planet.RotationRateRadPerS);
        w.WriteEndObject();
        w.WriteString("atmosphere", FlyCommand.AtmosphereName(environment.Atmosphere));
    }

    private static string Write(Action<Utf8JsonWriter> body) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        body(w);
        w.WriteEndObject();
    });
}
