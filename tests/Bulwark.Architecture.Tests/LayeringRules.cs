using System.Text.RegularExpressions;
using ArchUnitNET.Fluent;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Bulwark.Architecture.Tests;

/// <summary>
/// DESIGN §2's layers table as rules. Each rule is a function of the root namespace, so that the same definition is applied
/// to the product (<see cref="Product"/>: <c>Bulwark</c>) and to deliberate violations (<see cref="FixtureRoot"/>), which
/// shows that each rule can fail.
/// </summary>
public static class LayeringRules
{
    /// <summary>The root namespace of the product (the library, the CLI and the server).</summary>
    public const string Product = "Bulwark";

    /// <summary>The root namespace of the deliberate violations in this assembly.</summary>
    public const string FixtureRoot = "Bulwark.Architecture.Tests.Fixtures";

    /// <summary>The physics layers (folders under <c>src/Bulwark</c>): DESIGN §2's Earth &amp; environment, Integration, Flight, Sensing, Engagement, and the raid battle manager.</summary>
    public static readonly string[] Physics = ["Earth", "Atmosphere", "Integration", "Numerics", "Flight", "Sensing", "Engagement", "Raids"];

    /// <summary>The layers the physics sits under (the library's upper layers and the edges).</summary>
    public static readonly string[] AbovePhysics = ["Analysis", "Output", "Catalog", "Cli", "Server"];

    /// <summary>The edges: the CLI (<c>src/Bulwark.Cli</c>) and the local web viewer (<c>src/Bulwark.Server</c>).</summary>
    public static readonly string[] Edges = ["Cli", "Server"];

    /// <summary>The physics machinery (relative to the root): whole namespaces, then single types. The edges may use the
    /// layers' intended entry points and results (the <c>Targeter</c>, <c>Trajectory</c>, <c>FlightState</c>, the raid
    /// simulation, …) and catch their exceptions, but never step an integrator, evaluate a force or an atmosphere, build a
    /// reach table or solve an intercept themselves.</summary>
    public static readonly string[] Machinery =
    [
        @"Integration\..+", @"Atmosphere\..+", @"Flight\.Forces\..+", @"Flight\.Guidance\..+", @"Engagement\.Reach\..+",
        @"Flight\.EquationsOfMotion", @"Flight\.Propagation\.Propagator", @"Flight\.Propagation\.FlightPhase",
        @"Earth\.(Gravity|EarthRotation|Geodesic|GeodesicCore|SiteGeodesic)",
        @"Engagement\.(InterceptSolver|StandardFlyout)", @"Sensing\.RadarHorizon", @"Raids\.(BattleManager|Assignment)",
    ];

    /// <summary>File and console I/O and the network, by full name: what the physics never touches.</summary>
    public const string IoTypes =
        @"^(System\.IO\.(File|FileInfo|FileStream|FileSystemInfo|FileSystemWatcher|Directory|DirectoryInfo|DriveInfo|Path|StreamReader|StreamWriter)|System\.Net\..+|System\.Console)$";

    private static string R(string root) => Regex.Escape(root);

    /// <summary>A namespace pattern for <paramref name="layers"/> under <paramref name="root"/>, with their sub-namespaces.</summary>
    public static string Layers(string root, params string[] layers) => $@"^{R(root)}\.({string.Join('|', layers)})(\..*)?$";

    // DESIGN §2: data flows one way, so no two layers (first namespaces under the root) reference each other, even through others.
    // ArchUnitNET 0.13.5's slice rule (Slices().Matching("Bulwark.(*)..")) slices by whole namespace and so also reports
    // cycles inside a layer (Flight ↔ Flight.Forces); this is the same check on the layers alone.
    public static IReadOnlyList<string> CyclesBetweenLayers(ArchUnitNET.Domain.Architecture architecture, string root)
    {
        string? Layer(string? ns) => ns is not null && ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;

        var edges = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in architecture.Types)
        {
            if (Layer(type.Namespace.FullName) is not { } from)
            {
                continue;
            }

            var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = new(StringComparer.Ordinal);
            foreach (var d in type.Dependencies)
            {
                if (Layer(d.Target.Namespace?.FullName) is { } to && to != from)
                {
                    targets.TryAdd(to, $"{type.FullName} -> {d.Target.FullName}");
                }
            }
        }

        // A path from one layer to another, or null (breadth first, so the shortest).
        List<string>? Path(string from, string to)
        {
            var previous = new Dictionary<string, string> { [from] = from };
            var queue = new Queue<string>([from]);
            while (queue.TryDequeue(out string? at))
            {
                if (at == to)
                {
                    var path = new List<string> { to };
                    while (path[0] != from)
                    {
                        path.Insert(0, previous[path[0]]);
                    }

                    return path;
                }

                foreach (string next in edges.TryGetValue(at, out var n) ? n.Keys : Enumerable.Empty<string>())
                {
                    if (previous.TryAdd(next, at))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return null;
        }

        var cycles = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, targets) in edges)
        {
            foreach (var (to, example) in targets)
            {
                if (Path(to, from) is { } back && seen.Add(string.Join(",", back.Prepend(from).Order(StringComparer.Ordinal).Distinct())))
                {
                    cycles.Add($"{from} -> {string.Join(" -> ", back)} (e.g. {example})");
                }
            }
        }

        return cycles;
    }

    // DESIGN §2: lower layers never reference higher ones (one pair of the table).
    public static IArchRule LowerDoesNotReferenceHigher(string root, string lower, string higher) =>
        Types().That().ResideInNamespaceMatching(Layers(root, lower)).Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching(Layers(root, higher)));

    // DESIGN §2: the physics never does I/O (no files, console or network).
    public static IArchRule PhysicsDoesNoIo(string root) =>
        Types().That().ResideInNamespaceMatching(Layers(root, Physics)).Should()
            .NotDependOnAnyTypesThat().HaveFullNameMatching(IoTypes);

    // DESIGN §2: the physics layers depend on nothing above them (Analysis, Output, Catalog, the edges).
    public static IArchRule PhysicsDoesNotReferenceUpperLayers(string root) =>
        Types().That().ResideInNamespaceMatching(Layers(root, Physics)).Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching(Layers(root, AbovePhysics)));

    // DESIGN §2: outputs render Analysis results, so Analysis never references Output.
    public static IArchRule AnalysisDoesNotReferenceOutput(string root) => LowerDoesNotReferenceHigher(root, "Analysis", "Output");

    // DESIGN §2: the edges never compute physics; they call Analysis, Catalog, Output and the layers' entry points.
    public static IArchRule EdgesComputeNoPhysics(string root) =>
        Types().That().ResideInNamespaceMatching(Layers(root, Edges)).Should()
            .NotDependOnAny(Types().That().HaveFullNameMatching($@"^{R(root)}\.({string.Join('|', Machinery)})$").And().DoNotHaveNameEndingWith("Exception"));

    // DESIGN §2: YAML reading is the catalog's (Catalog & scenarios); model records, analyses, outputs and edges never see a YAML node.
    public static IArchRule OnlyTheCatalogReadsYaml(string root) =>
        Types().That().ResideInNamespaceMatching($@"^{R(root)}(\..*)?$").And().DoNotResideInNamespaceMatching(Layers(root, "Catalog")).Should()
            .NotDependOnAnyTypesThat().HaveFullNameMatching($@"^({R(root)}\.Catalog\.Reading\.YamlNode|YamlDotNet\..+)$");
}
