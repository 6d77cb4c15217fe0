using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Bulwark.Cluster;

/// <summary>The configuration workers (silos) and coordinators (clients) share: membership, names, logging.</summary>
internal static class OrleansSetup
{
    /// <summary>
    /// A host builder without the defaults (no appsettings, no environment configuration, no console logger), passing
    /// Orleans' messages at <paramref name="level"/> and above to <paramref name="log"/>.
    /// </summary>
    public static HostApplicationBuilder Builder(Action<string> log, LogLevel level)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "bulwark" });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);
        builder.Logging.AddProvider(new OneLineLoggerProvider(log, level));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        return builder;
    }

    public static void Silo(ISiloBuilder silo, ClusterSettings cluster)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = ClusterSettings.Invariant;
            o.ConnectionString = cluster.ConnectionString;
        });
        silo.Configure<ClusterOptions>(o => Names(o, cluster));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ClusterSettings.ProbeTimeout;
            o.NumMissedProbesLimit = ClusterSettings.MissedProbesLimit;
            o.NumVotesForDeathDeclaration = ClusterSettings.VotesForDeathDeclaration;
        });
    }

    public static void Client(IClientBuilder client, ClusterSettings cluster)
    {
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = ClusterSettings.Invariant;
            o.ConnectionString = cluster.ConnectionString;
        });
        client.Configure<ClusterOptions>(o => Names(o, cluster));
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
    }

    private static void Names(ClusterOptions o, ClusterSettings cluster)
    {
        o.ClusterId = cluster.ClusterId;
        o.ServiceId = ClusterSettings.ServiceId;
    }
}
