using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Caching;
using Bulwark.Output.Scenes;
using Bulwark.Output;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;

namespace Bulwark.Server;

/// <summary>A request the API refuses with 400 and this message.</summary>
public sealed class BadRequestException(string message) : Exception(message);

/// <summary>
/// The queue of scene computations is full: the API answers 503 with <c>Retry-After: </c><paramref name="retryAfterS"/>.
/// </summary>
public sealed class ServerBusyException(int retryAfterS, string message) : Exception(message)
{
    public int RetryAfterS { get; } = retryAfterS;
}

/// <summary>A scene built by the library for one architecture and one threat: its CZML and a JSON summary with sources.</summary>
public sealed record SceneResult(string Czml, string SummaryJson);

/// <summary>A scenario file offered by the viewer (from the scenarios folder).</summary>
public sealed record ScenarioFile(string Id, string Path, Scenario Scenario);

/// <summary>
/// What the API computes, all through the library: the choices (catalog architectures, threat sets, scenario files),
/// and for a choice the engagement scene (<see cref="EngagementExport.Scene"/>). Scenes are cached: each costs a threat
/// flight, the batteries' reach tables (shared across scenes for the server's lifetime, <see cref="Context"/>) and the
/// fly-outs. Every cache is bounded (least recently used first out): scenes, footprints and reach tables. So is the work:
/// at most <see cref="Limits"/>' permit limit of computations run at once and its queue limit wait; past that a request
/// for a scene that is not cached gets <see cref="ServerBusyException"/> (503) at once, and is not cached.
/// </summary>
public sealed partial class SceneService : IDisposable
{
    /// <summary>Footprint overlays kept (each costs a threat grid over NATO Europe and its engagement).</summary>
    public const int FootprintCacheSize = 16;

    private readonly BoundedCache<string, Task<SceneResult>> _cache;
    private readonly BoundedCache<string, Task<GeoScene>> _footprints = new(FootprintCacheSize);
    private readonly ConcurrencyLimiter _limiter;
    private readonly int _retryAfterS;
    private long _computed;
    private long _refused;

    /// <param name="scenariosDir">scenario files to offer (null: none)</param>
    /// <param name="cacheSize">scenes kept</param>
    /// <param name="context">the context scenes are computed in (null: the built-in catalog, the default world)</param>
    /// <param name="maxConcurrent">computations (scenes, footprints) running at once (null: the processor count)</param>
    /// <param name="maxQueued">computations waiting for a slot; more are refused</param>
    /// <param name="retryAfterS">the Retry-After of a refusal, s</param>
    public SceneService(string? scenariosDir, int cacheSize = 32, AnalysisContext? context = null, int? maxConcurrent = null, int maxQueued = 32, int retryAfterS = 30)
    {
        _cache = new BoundedCache<string, Task<SceneResult>>(cacheSize);
        int permits = maxConcurrent ?? Math.Max(1, Environment.ProcessorCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1, nameof(maxConcurrent));
        ArgumentOutOfRangeException.ThrowIfNegative(maxQueued);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = maxQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        Limits = (permits, maxQueued);
        _retryAfterS = retryAfterS;
        Context = context ?? new AnalysisContext(BulwarkCatalog.BuiltIn);
        var files = new List<ScenarioFile>();
        if (scenariosDir is not null && Directory.Exists(scenariosDir))
        {
            foreach (string path in Directory.EnumerateFiles(scenariosDir, "*.yaml").Order(StringComparer.Ordinal))
            {
                try
                {
                    Scenario s = ScenarioLoader.Load(path, File.ReadAllText(path));
                    if (s.Architecture is not null && s.Threats.Count > 0)
                    {
                        files.Add(new ScenarioFile(System.IO.Path.GetFileNameWithoutExtension(path), path, s));
                    }
                }
                catch (InputException e)
                {
                    Console.Error.WriteLine($"warning: scenario skipped: {e.Message}");
                }
            }
        }

        Scenarios = files;
    }

    public IReadOnlyList<ScenarioFile> Scenarios { get; }

    /// <summary>The context every scene is computed in (its reach tables live as long as the server).</summary>
    public AnalysisContext Context { get; }

    /// <summary>Scenes held now (at most the cache size).</summary>
    public int CachedScenes => _cache.Count;

    /// <summary>Scenes computed since the server started (not counting those refused because the queue was full).</summary>
    public long ScenesComputed => Interlocked.Read(ref _computed);

    /// <summary>Computations refused (503) because the queue was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>At most this many computations run at once, and this many wait.</summary>
    public (int Concurrent, int Queued) Limits { get; }

    /// <summary>Computations running now, and waiting now.</summary>
    public (long Running, long Waiting) Load
    {
        get
        {
            RateLimiterStatistics? stats = _limiter.GetStatistics();
            return stats is null ? (0, 0) : (Limits.Concurrent - stats.CurrentAvailablePermits, stats.CurrentQueuedCount);
        }
    }

    public static BulwarkCatalog Catalog => BulwarkCatalog.BuiltIn;

    /// <summary>The catalog's threat sets, read.</summary>
    public static IReadOnlyList<ThreatSet> ThreatSets() =>
        [.. Catalog.OfKind("threat-sets").Select(e => Catalog.ThreatSet(e.Id))];

    /// <summary>
    /// The scenario a request names: a scenario file (<paramref name="scenarioId"/>) or the built-in catalog, with
    /// <paramref name="architectureId"/> (the scenario's own when null) against the one threat <paramref name="threatId"/>.
    /// </summary>
    public Scenario Resolve(string? scenarioId, string? architectureId, string? threatId)
    {
        CheckId("threat", threatId, required: true);
        CheckId("architecture", architectureId, required: scenarioId is null);
        CheckId("scenario", scenarioId, required: false);
        if (scenarioId is not null)
        {
            ScenarioFile file = Scenarios.FirstOrDefault(f => f.Id == scenarioId)
                ?? throw new BadRequestException($"unknown scenario '{scenarioId}'; expected one of {string.Join(", ", Scenarios.Select(f => f.Id))}");
            return OneThreat(file.Scenario, architectureId, threatId!);
        }

        Threat threat = ThreatSets().SelectMany(t => t.Threats).FirstOrDefault(t => t.Id == threatId)
            ?? throw new BadRequestException($"unknown threat '{threatId}'; expected a threat id of a catalog threat set (see /api/threats)");
        return OneThreat(new Scenario("catalog", "catalog", Catalog, null, [threat]), architectureId, threatId!);
    }

    /// <summary>A scenario posted as YAML (a user's own file), against one of its threats (the first when none is named).</summary>
    public static Scenario ResolvePosted(string yaml, string? architectureId, string? threatId)
    {
        CheckId("threat", threatId, required: false);
        CheckId("architecture", architectureId, required: false);
        Scenario s = ScenarioLoader.Load("posted scenario", yaml);
        string threat = threatId ?? (s.Threats.Count > 0 ? s.Threats[0].Id : throw new BadRequestException("the posted scenario has no threats"));
        return OneThreat(s, architectureId, threat);
    }

    /// <summary>
    /// The scene for a resolved scenario (one threat), computed once (in the bounded queue) and cached. A threat its
    /// missile cannot reach is an <see cref="InputException"/> located in the scenario's file.
    /// </summary>
    public Task<SceneResult> Scene(Scenario scenario, string key) =>
        Bounded(_cache, key, () => Compute(Context.With(scenario.Catalog), scenario), scenario.File);

    /// <summary>
    /// The footprint overlay of a resolved scenario (its architecture against its threat's missile from its launch
    /// place), computed by <paramref name="compute"/> (in the bounded queue) once per (architecture, missile, launch
    /// place) while it is held.
    /// </summary>
    public Task<GeoScene> Footprint(Scenario scenario, Func<AnalysisContext, Scenario, GeoScene> compute)
    {
        string key = Key(scenario.Architecture?.Id, scenario.Threats.Count > 0 ? scenario.Threats[0].MissileId : null,
            scenario.Threats.Count > 0 ? scenario.Threats[0].FromId : null, scenario.File);
        return Bounded(_footprints, key, () => compute(Context.With(scenario.Catalog), scenario), scenario.File);
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>
    /// The cached value of <paramref name="key"/>, or <paramref name="compute"/> run once it has a slot (on the thread
    /// pool). A refusal (the queue is full) is not cached: the next request tries again.
    /// </summary>
    private async Task<T> Bounded<T>(BoundedCache<string, Task<T>> cache, string key, Func<T> compute, string file)
    {
        Task<T> task = cache.GetOrAdd(key, _ => Run(compute, file));
        try
        {
            return await task;
        }
        catch (ServerBusyException)
        {
            cache.Remove(key, task);
            throw;
        }
    }

    private async Task<T> Run<T>(Func<T> compute, string file)
    {
        using RateLimitLease lease = await _limiter.AcquireAsync(1);
        if (!lease.IsAcquired)
        {
            Interlocked.Increment(ref _refused);
            throw new ServerBusyException(_retryAfterS,
                $"busy: {Limits.Concurrent} scene computations running and {Limits.Queued} waiting; try again in {_retryAfterS} s");
        }

        Interlocked.Increment(ref _computed);
        try
        {
            return await Task.Run(compute);
        }
        catch (InputException e) when (e.File is null)
        {
            // A threat that cannot be flown (out of range, aimed at its launch place) names the file it came from.
            throw new InputException(file, e.Line, e.Column, e.Key, e.Problem);
        }
    }

    /// <summary>A cache key for a request: its parts, or a hash of a posted body.</summary>
    public static string Key(params string?[] parts) => string.Join("|", parts.Select(p => p ?? ""));

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static SceneResult Compute(AnalysisContext context, Scenario s)
    {
        var engagements = context.SeeAndEngage(s.Architecture!, context.Fly(s.Threats));
        var flyouts = InterceptorPaths.All(context, s.Architecture!, engagements);
        return new SceneResult(EngagementExport.Scene(context, s, engagements, flyouts).ToCzml(), SceneSummary.Write(s, engagements));
    }

    private static Scenario OneThreat(Scenario s, string? architectureId, string threatId)
    {
        Architecture architecture;
        if (architectureId is not null)
        {
            CatalogEntry entry = s.Catalog.Find(architectureId) is { Kind: "architectures" } e ? e
                : throw new BadRequestException($"unknown architecture '{architectureId}'; expected one of {string.Join(", ", s.Catalog.OfKind("architectures").Select(a => a.Id))}");
            architecture = s.Catalog.Architecture(entry.Id);
        }
        else
        {
            architecture = s.Architecture ?? throw new BadRequestException("missing architecture: the scenario names none, give ?architecture=ID");
        }

        Threat threat = s.Threats.FirstOrDefault(t => t.Id == threatId)
            ?? throw new BadRequestException($"unknown threat '{threatId}'; expected one of {string.Join(", ", s.Threats.Select(t => t.Id))}");
        return s with { Name = $"{architecture.Id} vs {threat.Id}", Architecture = architecture, Threats = [threat] };
    }

    private static void CheckId(string name, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                throw new BadRequestException($"missing query parameter '{name}'");
            }

            return;
        }

        if (!IdPattern().IsMatch(value))
        {
            throw new BadRequestException($"bad {name} '{Truncate(value)}': expected an id of letters, digits, '.', '_' or '-' (at most 100)");
        }
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();
}
