using Bulwark.Analysis;
using Bulwark.Catalog;
using Bulwark.Output.Scenes;

namespace Bulwark.Server;

/// <summary>How <c>bulwark serve</c> runs: where it listens and where it finds the page's assets and the scenario files.</summary>
public sealed record ViewerOptions
{
    /// <summary>The address to bind: loopback by default, so that nothing outside the machine can reach the viewer.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The viewer folder holding <c>node_modules/</c> (CesiumJS, world-atlas); null: <see cref="ViewerAssets.FindViewerDir"/>.</summary>
    public string? ViewerDir { get; init; }

    /// <summary>Scenario files offered beside the catalog's threat sets; null: the repository's <c>scenarios/</c> if found.</summary>
    public string? ScenariosDir { get; init; }

    /// <summary>The static page; null: <c>wwwroot/</c> beside the assembly.</summary>
    public string? WebRoot { get; init; }

    /// <summary>
    /// The defended-footprint overlay (the footprint analysis plugs in here): given the server's context and the scenario
    /// (its architecture and threat), the footprint as a scene of areas, kept in a bounded cache by the server. Null:
    /// <c>/api/footprint</c> answers 404.
    /// </summary>
    public Func<AnalysisContext, Scenario, GeoScene>? Footprint { get; init; }

    /// <summary>Largest request body accepted (a scenario file posted to <c>/api/scene</c>), bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Longest query string accepted, characters.</summary>
    public int MaxQueryLength { get; init; } = 1024;

    /// <summary>Scenes kept in memory (each costs one threat flight, reach tables and fly-outs to build).</summary>
    public int SceneCacheSize { get; init; } = 32;

    /// <summary>Where the scenes' reach tables are kept between runs (docs/cache.md; null: none, every start builds them).</summary>
    public Bulwark.Caching.DiskStore? Store { get; init; }

    /// <summary>
    /// Scene (and footprint) computations running at once; a request for a scene that is not cached waits for a slot.
    /// Cached scenes are served whatever the load.
    /// </summary>
    public int MaxConcurrentScenes { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Scene computations waiting for a slot; past this a request gets 503 with <c>Retry-After</c>.</summary>
    public int MaxQueuedScenes { get; init; } = 32;

    /// <summary>The <c>Retry-After</c> of a 503 (the queue of scene computations is full), seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 30;
}
