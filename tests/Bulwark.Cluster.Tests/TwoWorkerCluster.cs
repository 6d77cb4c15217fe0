namespace Bulwark.Cluster.Tests;

/// <summary>
/// Two worker processes (<c>a</c> and <c>b</c>, 2 threads each) on one fresh database, started by the first test that
/// asks and shared by the tests of a class that do not kill them (each test has its own store and coordinator):
/// starting workers is most of a cluster test's time.
/// </summary>
public sealed class TwoWorkerCluster : IDisposable
{
    private readonly Lock _gate = new();
    private TestPostgres? _db;
    private WorkerProcess? _a;
    private WorkerProcess? _b;

    /// <summary>The database's connection string, the workers started (skips the test without PostgreSQL).</summary>
    internal (TestPostgres Db, WorkerProcess A, WorkerProcess B) Start()
    {
        lock (_gate)
        {
            if (_db is null)
            {
                TestPostgres db = TestPostgres.Create();
                _a = WorkerProcess.Launch(["worker", "--cluster", db.ConnectionString, "--threads", "2", "--name", "a"], "a");
                _b = WorkerProcess.Launch(["worker", "--cluster", db.ConnectionString, "--threads", "2", "--name", "b"], "b");
                _a.WaitFor("active: ", TimeSpan.FromSeconds(60));
                _b.WaitFor("active: ", TimeSpan.FromSeconds(60));
                _db = db;
            }

            return (_db, _a!, _b!);
        }
    }

    public void Dispose()
    {
        _a?.Dispose();
        _b?.Dispose();
        _db?.Dispose();
    }
}
