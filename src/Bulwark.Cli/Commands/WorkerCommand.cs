using Bulwark.Analysis.Sensitivity;
using Bulwark.Caching;
using System.CommandLine;
using System.Globalization;
using System.Net;
using Bulwark.Cluster;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>bulwark worker --cluster CONN [--threads N] [--cluster-id ID] [--advertise ADDRESS] [--silo-port P]
/// [--gateway-port P] [--name NAME] [--init-db]</c>: an Orleans silo that evaluates sweep runs for coordinators, with
/// PostgreSQL membership (docs/cluster.md), until Ctrl+C or SIGTERM. One line per state change goes to stderr.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter stderr)
    {
        var cluster = new Option<string>("--cluster") { Description = "the PostgreSQL membership database, as an Npgsql connection string ('Host=H;Username=U;Password=P;Database=D')", Required = true };
        var threads = new Option<int>("--threads") { Description = "the most runs evaluated at once (default: the processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var clusterId = new Option<string>("--cluster-id") { Description = "the cluster's name in the database; coordinators must use the same", DefaultValueFactory = _ => ClusterSettings.DefaultClusterId };
        var advertise = new Option<string?>("--advertise") { Description = "the address other machines reach this worker at (default: 127.0.0.1, this machine only; with it the worker listens on every interface)" };
        var siloPort = new Option<int>("--silo-port") { Description = "the port other workers connect to (default 0: any free port)" };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "the port coordinators connect to (default 0: any free port)" };
        var name = new Option<string?>("--name") { Description = "the worker's name in logs (default: host-pid)" };
        var initDb = new Option<bool>("--init-db") { Description = "create the membership tables if missing, then exit" };
        var command = new Command("worker", "Evaluate sweep runs for coordinators: an Orleans silo with PostgreSQL membership (docs/cluster.md).")
        {
            cluster, threads, clusterId, advertise, siloPort, gatewayPort, name, initDb,
        };
        command.SetAction(parse =>
        {
            void Log(string line)
            {
                lock (stderr)
                {
                    stderr.WriteLine($"{DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} worker: {line}");
                    stderr.Flush();
                }
            }

            try
            {
                var settings = new ClusterSettings(ClusterDatabase.CheckSyntax(parse.GetValue(cluster)!), CheckClusterId(parse.GetValue(clusterId)!));
                if (parse.GetValue(initDb))
                {
                    Log(ClusterDatabase.EnsureSchema(settings.ConnectionString));
                    return Program.Success;
                }

                int n = parse.GetValue(threads);
                if (n is < 1 or > 1024)
                {
                    throw new InputException(null, null, null, "--threads", $"{n} is not a thread count; expected 1 to 1024");
                }

                var options = new WorkerOptions(settings, n, parse.GetValue(name) ?? $"{Environment.MachineName}-{Environment.ProcessId}",
                    Address(parse.GetValue(advertise)), Port(parse.GetValue(siloPort), "--silo-port"), Port(parse.GetValue(gatewayPort), "--gateway-port"));
                SelfTestModel.Register();
                StudyModel.Register(DiskStore.FromEnvironment()); // a study's sweep runs (bulwark sweep … --cluster); reach tables in this machine's store
                ClusterWorker.RunAsync(options, Log, CancellationToken.None).GetAwaiter().GetResult();
                return Program.Success;
            }
            catch (ClusterException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return Program.BadInput;
            }
        });
        return command;
    }

    private static string CheckClusterId(string id) =>
        id.Length is >= 1 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? id
            : throw new InputException(null, null, null, "--cluster-id", $"'{id}' is not a cluster id; expected 1 to 100 letters, digits, '-', '_' or '.'");

    private static int Port(int port, string option) =>
        port is >= 0 and <= 65535 ? port : throw new InputException(null, null, null, option, $"{port} is not a port; expected 0 to 65535");

    private static IPAddress? Address(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (IPAddress.TryParse(text, out IPAddress? ip))
        {
            return ip;
        }

        try
        {
            return Dns.GetHostAddresses(text).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new InputException(null, null, null, "--advertise", $"'{text}' has no IPv4 address");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InputException(null, null, null, "--advertise", $"'{text}' is not an address or a known host name ({e.Message})");
        }
    }
}
