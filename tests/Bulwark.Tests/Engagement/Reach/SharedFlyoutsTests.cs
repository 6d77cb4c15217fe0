using Bulwark.Engagement.Reach;

namespace Bulwark.Tests.Engagement.Reach;

public class SharedFlyoutsTests
{
    [Fact]
    public async Task EveryFlyoutIsFlownOnceAndItsResultKeptInItsSlotWhoeverFliesIt()
    {
        const int count = 200;
        var flownBy = new int[count];
        var shared = new SharedFlyouts(count, i =>
        {
            Interlocked.Increment(ref flownBy[i]);
            Thread.SpinWait(2000);
            return i * 0.5;
        });

        // Two helpers that arrive while the builder flies (as threads that need the bin do), and one after it is done.
        using var go = new ManualResetEventSlim();
        var helpers = Enumerable.Range(0, 2).Select(_ => new Thread(() => { go.Wait(); shared.Help(); })).ToList();
        helpers.ForEach(t => t.Start());
        go.Set();
        double[] results = await Task.Run(shared.Run);
        helpers.ForEach(t => t.Join());
        shared.Help();

        Assert.All(flownBy, n => Assert.Equal(1, n));
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 0.5), results);
    }

    [Fact]
    public async Task TheBuilderDoesNotWaitForHelpersThatNeverStart()
    {
        // While the threads that need a bin hold every pool thread, a queued helper starts only when the pool adds a
        // thread: the builder must fly what is left itself and return, not wait for it (a Parallel.For here waited).
        var queued = new List<Action>();
        var shared = new SharedFlyouts(40, i => 2.0 * i);
        var run = Task.Factory.StartNew(() => shared.Run(queued.Add), TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Old behaviour: never returns (the helpers are never run); a timeout makes that a failure, not a hang.
        double[] results = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => 2.0 * i), results);
        Assert.Equal(Math.Min(Environment.ProcessorCount, 40) - 1, queued.Count);
        queued.ForEach(help => help()); // starting late, they find nothing left to fly
    }

    [Fact]
    public void AFlyoutThatFailsFailsTheBuildAndNotTheHelper()
    {
        var shared = new SharedFlyouts(50, i => i == 17 ? throw new InvalidOperationException("fly-out 17") : i);
        Exception e = Assert.Throws<InvalidOperationException>(() => shared.Run());
        Assert.Equal("fly-out 17", e.Message);
        shared.Help(); // a helper arriving late takes nothing and throws nothing
    }
}
