using System.Runtime.ExceptionServices;

namespace Bulwark.Engagement.Reach;

/// <summary>
/// The fly-outs of one reach-table bin being built, taken in turn by the builder, by the thread pool and by any thread
/// that needs the bin meanwhile (<see cref="Help"/>), each fly-out into its own slots, so the bin is the same whoever
/// flies what.
/// </summary>
/// <param name="count">the fly-outs</param>
/// <param name="fly">flies fly-out i (into its slots) and returns what the builder keeps of it</param>
internal sealed class SharedFlyouts(int count, Func<int, double> fly)
{
    private readonly double[] _results = new double[count];
    private readonly ManualResetEventSlim _finished = new(count == 0);
    private int _next = -1, _done;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Flies fly-outs until none is left to take (returns at once when all are taken).</summary>
    public void Help()
    {
        for (int i = Interlocked.Increment(ref _next); i < count; i = Interlocked.Increment(ref _next))
        {
            try
            {
                _results[i] = fly(i);
            }
            catch (Exception e)
            {
                // The builder rethrows it; a helper goes on to wait for the bin, which the builder then fails to publish.
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            }

            if (Interlocked.Increment(ref _done) == count)
            {
                _finished.Set();
            }
        }
    }

    /// <summary>
    /// Flies every fly-out, on this thread and on the pool's (and the helpers'), and returns their results once all are
    /// done: once every fly-out is flown, not once the pool's helpers have started (they find nothing left).
    /// </summary>
    /// <remarks>
    /// The pool's helpers are queued, not awaited: with <c>Parallel.For</c> the builder waited for its queued replica to
    /// start even when it had flown every fly-out itself, and while the threads that wait for the bin hold the pool's
    /// threads, a replica starts only when the pool adds a thread (about one every half second when it is starved): the
    /// cold 0.5° comparison ran on 0.1–1 core of 2 for seconds at a time (docs/performance.md).
    /// </remarks>
    public double[] Run() => Run(static help => ThreadPool.UnsafeQueueUserWorkItem(static h => h(), help, preferLocal: false));

    /// <summary>As <see cref="Run()"/>, with <paramref name="queue"/> handing the helpers' work to other threads (tests).</summary>
    internal double[] Run(Action<Action> queue)
    {
        for (int k = 1; k < Environment.ProcessorCount && k < count; k++)
        {
            queue(Help);
        }

        Help();
        _finished.Wait();
        _finished.Dispose(); // no one sets it again: every fly-out is done, and a late helper takes none
        _failure?.Throw();
        return _results;
    }
}
