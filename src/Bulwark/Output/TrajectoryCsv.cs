using System.Text;
using Bulwark.Flight.Propagation;
using Bulwark.Numerics;

namespace Bulwark.Output;

/// <summary>
/// A trajectory as CSV: the DESIGN §7 columns <c>t_s,lat_deg,lon_deg,alt_m,v_north_m_s,v_east_m_s,v_down_m_s</c> (geodetic
/// position; Earth-relative velocity in local NED axes), then speed, flight-path angle, mass and the ECEF position.
/// </summary>
public static class TrajectoryCsv
{
    public const string Header = "t_s,lat_deg,lon_deg,alt_m,v_north_m_s,v_east_m_s,v_down_m_s,speed_m_s,flight_path_angle_deg,mass_kg,x_ecef_m,y_ecef_m,z_ecef_m";

    public static string Write(IEnumerable<TrajectoryPoint> points)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (TrajectoryPoint p in points)
        {
            sb.Append(Text.Num(p.TimeS)).Append(',')
              .Append(Text.Fixed(p.Position.LatitudeDeg, 9)).Append(',')
              .Append(Text.Fixed(p.Position.LongitudeDeg, 9)).Append(',')
              .Append(Text.Fixed(p.Position.HeightM, 4)).Append(',')
              .Append(Text.Fixed(p.VelocityNedMPerS.X, 5)).Append(',')
              .Append(Text.Fixed(p.VelocityNedMPerS.Y, 5)).Append(',')
              .Append(Text.Fixed(p.VelocityNedMPerS.Z, 5)).Append(',')
              .Append(Text.Fixed(p.SpeedMPerS, 5)).Append(',')
              .Append(Text.Fixed(Angle.RadToDeg(p.FlightPathAngleRad), 6)).Append(',')
              .Append(Text.Fixed(p.MassKg, 4)).Append(',')
              .Append(Text.Fixed(p.PositionEcefM.X, 4)).Append(',')
              .Append(Text.Fixed(p.PositionEcefM.Y, 4)).Append(',')
              .Append(Text.Fixed(p.PositionEcefM.Z, 4)).Append('\n');
        }

        return sb.ToString();
    }
}
