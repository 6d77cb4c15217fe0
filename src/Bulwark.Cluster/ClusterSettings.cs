namespace Bulwark.Cluster;

/// <summary>
/// What workers and coordinators of one cluster agree on: the PostgreSQL membership database, the cluster's names and
/// the failure detector's timing (docs/cluster.md).
/// </summary>
/// <param name="ConnectionString">an Npgsql connection string to the membership database</param>
/// <param name="ClusterId">the Orleans cluster id (default <see cref="DefaultClusterId"/>); several clusters may share a database</param>
public sealed record ClusterSettings(string ConnectionString, string ClusterId = ClusterSettings.DefaultClusterId)
{
    /// <summary>The default cluster id: <c>bulwark</c>.</summary>
    public const string DefaultClusterId = "bulwark";

    /// <summary>The Orleans service id every Bulwark cluster uses: <c>bulwark-sweeps</c>.</summary>
    public const string ServiceId = "bulwark-sweeps";

    /// <summary>The ADO.NET provider invariant Orleans uses for PostgreSQL.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>How long a silo waits for a probe's answer (Orleans' default is 5 s).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes before a silo suspects another (Orleans' default is 3).</summary>
    public const int MissedProbesLimit = 3;

    /// <summary>Suspicions needed to declare a silo dead (Orleans' default is 2): one, so a killed worker is declared dead in a few seconds.</summary>
    public const int VotesForDeathDeclaration = 1;
}
