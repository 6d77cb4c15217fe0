namespace Bulwark.Cli.Tests;

public class SmokeTests
{
    [Fact]
    public void Placeholder() => Assert.True(typeof(Bulwark.Cli.Program).Assembly is not null);
}
