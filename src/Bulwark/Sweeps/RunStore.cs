using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bulwark.Sweeps;

/// <summary>
/// The store that never loses a run (docs/sweeps.md): an embedded SQLite database in one file where every finished run
/// is a row keyed by its <see cref="RunKey"/>, written in its own transaction as soon as it finishes. Tables:
/// <c>runs(key PRIMARY KEY, inputs_json, outcomes_json)</c>, one row per distinct run; <c>sweep_runs(sweep, ordinal,
/// key)</c>, each sweep's runs in design order (a run shared by two sweeps, or repeated in one, is computed and kept
/// once); <c>meta(name, value)</c> with the <see cref="SchemaVersion"/>. No wall-clock time is stored, so what is
/// exported from the store depends on the runs alone.
/// </summary>
/// <remarks>
/// Pragmas on every connection: <c>journal_mode=WAL</c> (readers never block the writer, and a killed writer leaves the
/// database as of its last commit), <c>synchronous=FULL</c> (each commit syncs the log: in WAL mode NORMAL survives a
/// killed process but may lose the last commits to a power cut; a run takes seconds, an fsync milliseconds), and
/// <c>busy_timeout</c> (another process's write lock is waited for, not reported). Writes use <c>BEGIN IMMEDIATE</c>
/// so two writers queue instead of failing on a lock upgrade. One instance is safe on several threads (calls are
/// serialised on its one connection); several instances and processes may share the file.
/// </remarks>
public sealed class RunStore : IDisposable
{
    /// <summary>The layout of the tables; a store written by another version is refused, never altered.</summary>
    public const int SchemaVersion = 1;

    /// <summary>How long a write waits for another connection's lock before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <param name="path">the database file (made, with its folder, if absent)</param>
    /// <exception cref="InvalidDataException">the file is a store of another schema version</exception>
    /// <exception cref="SqliteException">the file is not a SQLite database, or cannot be opened</exception>
    public RunStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Without pooling, Dispose closes the file: a test (or a user) can then delete or copy it.
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        _connection = new SqliteConnection(builder.ToString());
        try
        {
            _connection.Open();
            Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
            Execute("PRAGMA journal_mode = WAL;");
            Execute("PRAGMA synchronous = FULL;");
            using (SqliteTransaction t = _connection.BeginTransaction())
            {
                Execute("""
                    CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, inputs_json TEXT NOT NULL, outcomes_json TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS sweep_runs (sweep TEXT NOT NULL, ordinal INTEGER NOT NULL, key TEXT NOT NULL,
                        PRIMARY KEY (sweep, ordinal));
                    INSERT OR IGNORE INTO meta (name, value) VALUES ('schema_version', $v);
                    """, t, ("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
                string? version = Scalar("SELECT value FROM meta WHERE name = 'schema_version';", t) as string;
                if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                {
                    throw new InvalidDataException($"{Path} is a run store of schema version {version}; this Bulwark reads version {SchemaVersion}");
                }

                t.Commit();
            }
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The database file, absolute.</summary>
    public string Path { get; }

    /// <summary>The number of distinct runs stored (over every sweep).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                return Convert.ToInt32(Scalar("SELECT COUNT(*) FROM runs;"), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The finished run with key <paramref name="key"/>, if the store has it.</summary>
    public bool TryGet(string key, out StoredRun run)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            ThrowIfDisposed();
            using SqliteCommand c = Command("SELECT inputs_json, outcomes_json FROM runs WHERE key = $k;", null, ("$k", key));
            using SqliteDataReader r = c.ExecuteReader();
            if (r.Read())
            {
                run = new StoredRun(key, RunJson.ReadInputs(r.GetString(0)), RunJson.ReadOutcomes(r.GetString(1)));
                return true;
            }
        }

        run = null!;
        return false;
    }

    /// <summary>
    /// Stores a finished run and its place in its sweep, in one transaction, synced before this returns. A run already
    /// stored (by this or another process) is kept as it was: written twice, stored once.
    /// </summary>
    /// <exception cref="InvalidOperationException">the sweep already has another run at this ordinal</exception>
    public void Put(RunRow row) => Put([row]);

    /// <summary><see cref="Put(RunRow)"/> for several rows in one transaction (all stored, or none).</summary>
    /// <exception cref="InvalidOperationException">a sweep already has another run at one of the ordinals</exception>
    public void Put(IReadOnlyCollection<RunRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            using SqliteTransaction t = _connection.BeginTransaction();
            foreach (RunRow row in rows)
            {
                ArgumentNullException.ThrowIfNull(row);
                Execute("INSERT OR IGNORE INTO runs (key, inputs_json, outcomes_json) VALUES ($k, $i, $o);", t,
                    ("$k", row.Key), ("$i", RunJson.Inputs(row.Inputs)), ("$o", RunJson.Outcomes(row.Outcomes)));
                Execute("INSERT OR IGNORE INTO sweep_runs (sweep, ordinal, key) VALUES ($s, $n, $k);", t,
                    ("$s", row.Sweep), ("$n", row.Ordinal), ("$k", row.Key));
                if (Scalar("SELECT key FROM sweep_runs WHERE sweep = $s AND ordinal = $n;", t, ("$s", row.Sweep), ("$n", row.Ordinal)) is string held
                    && held != row.Key)
                {
                    throw new InvalidOperationException($"sweep {row.Sweep} already has run {held} at ordinal {row.Ordinal}, not {row.Key}");
                }
            }

            t.Commit();
        }
    }

    /// <summary>The sweep's finished runs, by ordinal (a run shared by several ordinals appears at each).</summary>
    public IReadOnlyList<RunRow> All(string sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var rows = new List<RunRow>();
        lock (_gate)
        {
            ThrowIfDisposed();
            using SqliteCommand c = Command("""
                SELECT s.ordinal, s.key, r.inputs_json, r.outcomes_json FROM sweep_runs s JOIN runs r ON r.key = s.key
                WHERE s.sweep = $s ORDER BY s.ordinal;
                """, null, ("$s", sweep));
            using SqliteDataReader r = c.ExecuteReader();
            while (r.Read())
            {
                rows.Add(new RunRow(sweep, r.GetInt32(0), r.GetString(1), RunJson.ReadInputs(r.GetString(2)), RunJson.ReadOutcomes(r.GetString(3))));
            }
        }

        return rows;
    }

    /// <summary>The sweeps with at least one run, in ordinal (byte) order of their names.</summary>
    public IReadOnlyList<string> Sweeps() => Strings("SELECT DISTINCT sweep FROM sweep_runs ORDER BY sweep;");

    /// <summary>SQLite's <c>PRAGMA integrity_check</c>: <c>ok</c> for a sound database, else its findings, one a line.</summary>
    public string IntegrityCheck() => string.Join('\n', Strings("PRAGMA integrity_check;"));

    /// <summary>The first column of every row of a parameterless query.</summary>
    private List<string> Strings(string sql)
    {
        var values = new List<string>();
        lock (_gate)
        {
            ThrowIfDisposed();
            using SqliteCommand c = Command(sql, null);
            using SqliteDataReader r = c.ExecuteReader();
            while (r.Read())
            {
                values.Add(r.GetString(0));
            }
        }

        return values;
    }

    /// <summary>Closes the connection (SQLite checkpoints the log when the last connection closes).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection.Dispose();
            }
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, object Value)[] parameters)
    {
        SqliteCommand c = _connection.CreateCommand();
        c.CommandText = sql;
        c.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            c.Parameters.AddWithValue(name, value);
        }

        return c;
    }

    private void Execute(string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand c = Command(sql, transaction, parameters);
        c.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand c = Command(sql, transaction, parameters);
        return c.ExecuteScalar();
    }
}
