using Bulwark.Server;
using Microsoft.AspNetCore.Builder;

namespace Bulwark.Server.Tests;

/// <summary>A viewer served in process on a free loopback port, with a web root whose parent holds a file that must never be served.</summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "bulwark-server-tests", Guid.NewGuid().ToString("N"));

    public string BaseUrl { get; private set; } = "";

    public ViewerOptions Options { get; private set; } = new();

    public async ValueTask InitializeAsync()
    {
        string www = Path.Combine(Root, "www");
        Directory.CreateDirectory(www);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html"), Path.Combine(www, "index.html"));
        File.WriteAllText(Path.Combine(Root, "secret.txt"), "outside the web root");
        Options = new ViewerOptions { Port = 0, WebRoot = www, ScenariosDir = Path.Combine(Root, "no-scenarios") };
        _app = ViewerServer.Build(Options);
        BaseUrl = await ViewerServer.StartAsync(_app);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}
