namespace Bulwark.Tests.Caching;

/// <summary>A clock the test moves by hand, so that recency and the age of temporary files do not depend on the file system's timestamp resolution or on sleeping.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
