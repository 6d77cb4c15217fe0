namespace Bulwark.Cluster.Tests;

/// <summary>
/// The tests that start worker processes run one at a time: their failure detection has 2 s probe timeouts, and on a
/// small shared machine several clusters starting at once would be slow enough to look like dead workers.
/// </summary>
[CollectionDefinition(nameof(ClusterCollection), DisableParallelization = true)]
public sealed class ClusterCollection;
