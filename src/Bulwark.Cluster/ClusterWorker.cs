using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Bulwark.Cluster;

/// <summary>
/// A worker: an Orleans silo in the cluster that hosts <see cref="IRunWorkerGrain"/> and evaluates the runs coordinators
/// send it, until cancelled (Ctrl-C or SIGTERM in the command line: it leaves the cluster gracefully).
/// </summary>
public static class ClusterWorker
{
    /// <summary>How long a stopping worker waits for its runs and its leaving to finish.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creates the membership tables if missing, joins the cluster, and serves runs until <paramref name="cancellation"/>
    /// fires or the process is told to stop; <paramref name="log"/> gets one line per state change.
    /// </summary>
    /// <exception cref="ClusterException">the database cannot be reached or the silo cannot start</exception>
    public static async Task RunAsync(WorkerOptions options, Action<string> log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        log(ClusterDatabase.EnsureSchema(options.Cluster.ConnectionString, cancellation));

        IPAddress advertise = options.Advertise ?? IPAddress.Loopback;
        IPAddress listen = options.Advertise is null ? IPAddress.Loopback : IPAddress.Any;
        int siloPort = options.SiloPort == 0 ? FreePort(listen) : options.SiloPort;
        int gatewayPort = options.GatewayPort == 0 ? FreePort(listen) : options.GatewayPort;
        var evaluator = new WorkerEvaluator(options.Name, options.Threads, log);

        HostApplicationBuilder builder = OrleansSetup.Builder(log, LogLevel.Warning);
        builder.Services.AddSingleton(evaluator);
        builder.UseOrleans(silo =>
        {
            OrleansSetup.Silo(silo, options.Cluster);
            silo.Configure<SiloOptions>(o => o.SiloName = options.Name);
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = advertise;
                o.SiloPort = siloPort;
                o.GatewayPort = gatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(listen, siloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(listen, gatewayPort);
            });
            silo.AddPlacementDirector<OnKeyedSilo, OnKeyedSiloDirector>();
        });

        using IHost host = builder.Build();
        log($"joining cluster '{options.Cluster.ClusterId}' via {ClusterDatabase.Describe(options.Cluster.ConnectionString)} as {advertise}:{siloPort} (gateway {gatewayPort})");
        try
        {
            await host.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            log("stopped before joining");
            return;
        }
        catch (Exception e) when (e is not ClusterException)
        {
            throw new ClusterException($"the worker could not join cluster '{options.Cluster.ClusterId}': {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}", e);
        }

        SiloAddress self = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        log($"active: silo {self.ToParsableString()}, {options.Threads} threads, model version {Sweeps.SweepVersion.Current}");
        IHostApplicationLifetime lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using (cancellation.Register(lifetime.StopApplication))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        log($"stopping after {evaluator.Done} runs");
        using var stopping = new CancellationTokenSource(StopTimeout);
        await host.StopAsync(stopping.Token).ConfigureAwait(false);
        log("stopped");
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
