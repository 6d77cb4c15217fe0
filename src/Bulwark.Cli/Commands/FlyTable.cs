using Bulwark.Flight;
using Bulwark.Flight.Propagation;
using Bulwark.Flight.Targeting;
using Bulwark.Numerics;
using Spectre.Console;
using static Bulwark.Cli.Formatting;

namespace Bulwark.Cli.Commands;

/// <summary>The tables of <c>bulwark fly</c> for people.</summary>
internal static class FlyTable
{
    public static void Targeted(TextWriter stdout, FlightEnvironment environment, TargetingSolution s)
    {
        TrajectoryPoint burnout = TrajectoryPoint.From(environment, s.Burnout);
        var table = new Table().Border(TableBorder.Simple).AddColumn("quantity").AddColumn(new TableColumn("value").RightAligned());
        void Row(string k, string v) => table.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("missile", s.Missile.Name);
        Row("shape", s.Request.Shape.Name());
        Row("launch (lat, lon)", $"{F(s.Request.Launch.LatitudeDeg, 4)}°, {F(s.Request.Launch.LongitudeDeg, 4)}°");
        Row("aim (lat, lon)", $"{F(s.Request.Aim.LatitudeDeg, 4)}°, {F(s.Request.Aim.LongitudeDeg, 4)}°");
        Row("impact (lat, lon)", $"{F(s.Impact.LatitudeDeg, 4)}°, {F(s.Impact.LongitudeDeg, 4)}°");
        Row("miss distance", $"{F(s.MissDistanceM, 1)} m");
        Row("ground range", $"{F(s.GroundRangeM / 1000, 1)} km");
        Row("flight time", $"{F(s.FlightTimeS, 1)} s ({F(s.FlightTimeS / 60, 2)} min)");
        Row("launch azimuth", $"{F(Angle.RadToDeg(s.AzimuthRad), 3)}°");
        Row("energy fraction", F(s.Controls.EnergyFraction, 4));
        Row("burnout time", $"{F(burnout.TimeS - s.Request.LaunchTimeS, 1)} s");
        Row("burnout altitude", $"{F(burnout.Position.HeightM / 1000, 1)} km");
        Row("burnout speed", $"{F(burnout.SpeedMPerS / 1000, 3)} km/s (Earth-relative)");
        Row("burnout flight-path angle", $"{F(Angle.RadToDeg(burnout.FlightPathAngleRad), 2)}°");
        if (s.Apogee is { } a)
        {
            Row("apogee", $"{F(environment.GeodeticPosition(a).HeightM / 1000, 1)} km at {F(a.TimeS - s.Request.LaunchTimeS, 1)} s");
        }

        Trajectory t = s.Trajectory;
        Row("integration steps", $"{t.Steps} ({t.RejectedSteps} rejected), {t.Evaluations} evaluations");
        Row("trajectories flown to solve", s.Flights.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Render.Table(stdout, table);
    }

    public static void Propagation(TextWriter stdout, Trajectory t, IReadOnlyList<TrajectoryPoint> points)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string c in new[] { "t (s)", "lat (°)", "lon (°)", "alt (m)", "v north (m/s)", "v east (m/s)", "v down (m/s)" })
        {
            table.AddColumn(new TableColumn(c).RightAligned());
        }

        foreach (TrajectoryPoint p in points)
        {
            table.AddRow(F(p.TimeS, 3), F(p.Position.LatitudeDeg, 6), F(p.Position.LongitudeDeg, 6), F(p.Position.HeightM, 2),
                F(p.VelocityNedMPerS.X, 3), F(p.VelocityNedMPerS.Y, 3), F(p.VelocityNedMPerS.Z, 3));
        }

        Render.Table(stdout, table);
        string end = t.End == FlightEnd.Altitude ? "descended through the stop altitude" : "reached the stop time";
        stdout.WriteLine($"Ended at t = {F(t.Final.TimeS, 4)} s: {end}. {t.Steps} integration steps ({t.RejectedSteps} rejected), {t.Evaluations} derivative evaluations.");
    }
}
