namespace Bulwark.Cluster;

/// <summary>
/// A cluster problem the user can fix, with a one-line message: a bad connection string, a database that cannot be
/// reached, no workers, a job the workers refuse. The command line prints the message and exits with code 2.
/// </summary>
public sealed class ClusterException : Exception
{
    /// <summary>A problem described by <paramref name="message"/> (one line).</summary>
    public ClusterException(string message)
        : base(message)
    {
    }

    /// <summary>A problem described by <paramref name="message"/> (one line), caused by <paramref name="inner"/>.</summary>
    public ClusterException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
