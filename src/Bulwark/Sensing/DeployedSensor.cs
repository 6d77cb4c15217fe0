namespace Bulwark.Sensing;

/// <summary>A deployed sensor: a sensor type at a place (none for a space sensor), pointed at a boresight azimuth, belonging to a coalition.</summary>
public sealed record DeployedSensor(string Id, string SensorId, string? PlaceId, double? BoresightAzimuthRad, string Coalition);
