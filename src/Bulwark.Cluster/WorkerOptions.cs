using System.Net;

namespace Bulwark.Cluster;

/// <summary>How a worker runs: its cluster, threads, name and network endpoints.</summary>
/// <param name="Cluster">the membership database and cluster id</param>
/// <param name="Threads">the most runs it evaluates at once (at least 1)</param>
/// <param name="Name">its name in logs and the membership table</param>
/// <param name="Advertise">the address other machines reach it at; null: 127.0.0.1, listening on loopback only (one machine)</param>
/// <param name="SiloPort">the silo-to-silo port (0: a free port)</param>
/// <param name="GatewayPort">the port coordinators connect to (0: a free port)</param>
public sealed record WorkerOptions(ClusterSettings Cluster, int Threads, string Name, IPAddress? Advertise = null, int SiloPort = 0, int GatewayPort = 0);
