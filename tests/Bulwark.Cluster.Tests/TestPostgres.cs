using Npgsql;

namespace Bulwark.Cluster.Tests;

/// <summary>
/// A fresh PostgreSQL database for one test, <c>bulwark_test_&lt;guid&gt;</c>, created through the server named by
/// <c>BULWARK_TEST_POSTGRES</c> (an Npgsql connection string; default: 127.0.0.1 as postgres/postgres, as .ci/run sets
/// up) and dropped at the end. Without a server the test skips, saying why; under <c>BULWARK_REQUIRE_POSTGRES=1</c> (CI)
/// it fails instead.
/// </summary>
internal sealed class TestPostgres : IDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    private readonly string _server;

    private TestPostgres(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string to the database.</summary>
    public string ConnectionString { get; }

    public static TestPostgres Create()
    {
        string server = Environment.GetEnvironmentVariable("BULWARK_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultServer;
        string name = $"bulwark_test_{Guid.NewGuid():N}";
        try
        {
            Admin(server, $"CREATE DATABASE {name};");
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            var b = new NpgsqlConnectionStringBuilder(server);
            string why = $"no PostgreSQL server for the cluster tests at {b.Host}:{b.Port} as {b.Username} (BULWARK_TEST_POSTGRES, else {DefaultServer.Replace("Password=postgres", "Password=…", StringComparison.Ordinal)}): {e.Message.Split('\n')[0]}; see .ci/run";
            if (Environment.GetEnvironmentVariable("BULWARK_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(why + " (BULWARK_REQUIRE_POSTGRES=1)");
            }

            Assert.Skip(why);
        }

        return new TestPostgres(server, name);
    }

    /// <summary>Rows of the membership table: silo name and status (3 active, 6 dead).</summary>
    public IReadOnlyList<(string Name, int Status)> Members()
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var command = new NpgsqlCommand("SELECT SiloName, Status FROM OrleansMembershipTable ORDER BY SiloName;", c);
        using NpgsqlDataReader r = command.ExecuteReader();
        var rows = new List<(string, int)>();
        while (r.Read())
        {
            rows.Add((r.GetString(0), r.GetInt32(1)));
        }

        return rows;
    }

    public void Dispose()
    {
        try
        {
            Admin(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE);");
        }
        catch (NpgsqlException)
        {
            // Best effort: a leftover test database holds nothing of value.
        }
    }

    private static void Admin(string server, string sql)
    {
        var b = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false, Timeout = 5 };
        using var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}
