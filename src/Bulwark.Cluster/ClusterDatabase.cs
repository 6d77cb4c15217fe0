using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Bulwark.Cluster;

/// <summary>
/// The PostgreSQL membership database: checks a connection string, and creates Orleans' tables in an empty database
/// from the scripts shipped in <c>Sql/</c> (<c>PostgreSQL-Main.sql</c> then <c>PostgreSQL-Clustering.sql</c>; see
/// Sql/README.md). Every failure is a <see cref="ClusterException"/> with a one-line message.
/// </summary>
public static class ClusterDatabase
{
    // Any fixed number: workers starting at once on an empty database take turns creating the tables.
    private const long SchemaLock = 0x62756C7761726B; // "bulwark"

    /// <summary>Parses <paramref name="connectionString"/> and returns it unchanged.</summary>
    /// <exception cref="ClusterException">it is not an Npgsql connection string</exception>
    public static string CheckSyntax(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ClusterException("the cluster connection string is empty; expected e.g. 'Host=db.example;Username=bulwark;Password=…;Database=bulwark'");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new ClusterException($"the cluster connection string is not valid: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Creates Orleans' tables in the database unless they exist (Main then Clustering, each skipped if its tables are
    /// there), in one transaction; several processes may call this at once. Returns what it did, for a log line.
    /// </summary>
    /// <exception cref="ClusterException">the connection string is bad or the database cannot be reached or written</exception>
    public static string EnsureSchema(string connectionString, CancellationToken cancellation = default)
    {
        CheckSyntax(connectionString);
        return Guard(connectionString, () =>
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using NpgsqlTransaction transaction = connection.BeginTransaction();
            Execute(connection, $"SELECT pg_advisory_xact_lock({SchemaLock});", cancellation);
            var applied = new List<string>();
            if (!TableExists(connection, "orleansquery"))
            {
                Execute(connection, Script("PostgreSQL-Main.sql"), cancellation);
                applied.Add("PostgreSQL-Main.sql");
            }

            if (!TableExists(connection, "orleansmembershiptable"))
            {
                Execute(connection, Script("PostgreSQL-Clustering.sql"), cancellation);
                applied.Add("PostgreSQL-Clustering.sql");
            }

            transaction.Commit();
            string where = $"{connection.Host}/{connection.Database}";
            return applied.Count == 0 ? $"the membership tables exist in {where}" : $"created the membership tables in {where} ({string.Join(", ", applied)})";
        });
    }

    /// <summary>The text of a shipped script (<c>PostgreSQL-Main.sql</c> or <c>PostgreSQL-Clustering.sql</c>).</summary>
    public static string Script(string name)
    {
        using Stream stream = typeof(ClusterDatabase).Assembly.GetManifestResourceStream($"sql/{name}")
            ?? throw new InvalidOperationException($"no embedded script sql/{name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Runs <paramref name="body"/>, turning database and network failures into one-line <see cref="ClusterException"/>s.</summary>
    internal static T Guard<T>(string connectionString, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or InvalidOperationException { InnerException: DbException or SocketException })
        {
            throw new ClusterException($"the cluster database {Describe(connectionString)} failed: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>Host, port and database of a connection string, never its password.</summary>
    internal static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"'{b.Host ?? "localhost"}:{b.Port}/{b.Database ?? b.Username ?? "postgres"}'";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool TableExists(NpgsqlConnection connection, string table)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL;", connection);
        command.Parameters.AddWithValue("t", table);
        return command.ExecuteScalar() is true;
    }

    private static void Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        using var command = new NpgsqlCommand(sql, connection);
        cancellation.ThrowIfCancellationRequested();
        command.ExecuteNonQuery();
    }
}
