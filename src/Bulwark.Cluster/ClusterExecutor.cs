using Bulwark.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Bulwark.Cluster;

/// <summary>
/// Evaluates a sweep's runs on the workers of an Orleans cluster (docs/cluster.md). It is an Orleans client, never a
/// silo: it reads the membership for active workers, sends each run to a chosen worker (a grain placed on that worker's
/// silo), keeps up to each worker's thread count of runs in flight, and sends the runs of a worker that died (or stops
/// answering) to others, each run at most <see cref="ClusterExecutorOptions.MaxAttempts"/> times. A worker that joins
/// late gets work at the next membership read. A run answered twice is reported once.
/// </summary>
public sealed class ClusterExecutor : IRunExecutor, IDisposable
{
    private readonly ClusterSettings _cluster;
    private readonly JobText _job;
    private readonly ClusterExecutorOptions _options;
    private readonly WorkerBook _workers;
    private IHost? _host;

    private ClusterExecutor(ClusterSettings cluster, SweepJob job, ClusterExecutorOptions options)
    {
        _cluster = cluster;
        _job = new JobText(job.Kind, job.Spec, job.ModelVersion);
        _options = options;
        _workers = new WorkerBook(_job, options.Log ?? (_ => { }));
    }

    /// <summary>
    /// An executor for <paramref name="job"/> on the cluster of <paramref name="cluster"/>: checks the connection string
    /// and the database now (creating Orleans' tables if missing); joins the cluster as a client at the first run.
    /// </summary>
    /// <exception cref="ClusterException">the connection string is bad or the database cannot be reached</exception>
    public static ClusterExecutor Connect(ClusterSettings cluster, SweepJob job, ClusterExecutorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(job);
        options ??= new ClusterExecutorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        string schema = ClusterDatabase.EnsureSchema(cluster.ConnectionString);
        options.Log?.Invoke(schema);
        return new ClusterExecutor(cluster, job, options);
    }

    /// <summary>Every worker seen so far with the runs it finished for this executor.</summary>
    public IReadOnlyList<WorkerTally> Workers => _workers.Tallies();

    /// <inheritdoc/>
    public void Execute(IReadOnlyList<SweepRun> todo, Action<SweepRun, Outcomes> finished, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(todo);
        ArgumentNullException.ThrowIfNull(finished);
        ObjectDisposedException.ThrowIf(_workers.Disposed, this);
        if (todo.Count == 0)
        {
            return;
        }

        IClusterClient client = Client(cancellation);
        var dispatch = new RunDispatch(client, _workers, _options, todo, finished);
        dispatch.RunAsync(cancellation).GetAwaiter().GetResult();
    }

    /// <summary>Leaves the cluster.</summary>
    public void Dispose()
    {
        if (_workers.Disposed)
        {
            return;
        }

        _workers.Disposed = true;
        if (_host is not null)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                _host.StopAsync(stopping.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is OperationCanceledException or OrleansException or TimeoutException)
            {
                // Leaving is best effort: the silos drop a client that went away.
            }

            _host.Dispose();
        }
    }

    private IClusterClient Client(CancellationToken cancellation)
    {
        if (_host is not null)
        {
            return _host.Services.GetRequiredService<IClusterClient>();
        }

        Action<string> log = _options.Log ?? (_ => { });
        DateTime deadline = DateTime.UtcNow + _options.WorkerWait;
        bool told = false;
        // Orleans' client warns at every membership change and missing gateway; the executor says what matters itself.
        HostApplicationBuilder builder = OrleansSetup.Builder(log, LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            OrleansSetup.Client(client, _cluster);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = _options.ResponseTimeout);
            client.UseConnectionRetryFilter(async (_, ct) =>
            {
                if (!told)
                {
                    log($"no worker of cluster '{_cluster.ClusterId}' answers yet; waiting up to {_options.WorkerWait.TotalSeconds:0} s");
                    told = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                return DateTime.UtcNow < deadline;
            });
        });

        IHost host = builder.Build();
        try
        {
            host.StartAsync(cancellation).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterException(
                $"no worker of cluster '{_cluster.ClusterId}' in {ClusterDatabase.Describe(_cluster.ConnectionString)} answered within {_options.WorkerWait.TotalSeconds:0} s; start workers with 'bulwark worker --cluster CONN' ({e.GetType().Name}: {e.Message.Split('\n')[0].Trim()})", e);
        }

        log($"connected to cluster '{_cluster.ClusterId}' as a client");
        _host = host;
        return host.Services.GetRequiredService<IClusterClient>();
    }
}
