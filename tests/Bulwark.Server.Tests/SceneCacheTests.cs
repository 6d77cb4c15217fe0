using System.Net;
using System.Text;
using Bulwark.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bulwark.Server.Tests;

/// <summary>
/// The server's scene cache is bounded (issue 13): a viewer left running while an analyst posts scenario after scenario
/// keeps at most <see cref="ViewerOptions.SceneCacheSize"/> scenes, and a scene pushed out is computed again when asked for.
/// </summary>
public class SceneCacheTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(300) };

    /// <summary>A small posted scenario: the third site's GBIs against one Iranian ICBM toward <paramref name="city"/>.</summary>
    private static string Posted(string city) =>
        $"name: cache {city}\narchitecture: third-site-2007\nthreats:\n  - {{ id: to-{city}, missile: iran-icbm, from: semnan, to: {city} }}\n";

    private static async Task Post(string baseUrl, string yaml)
    {
        using var content = new StringContent(yaml, Encoding.UTF8, "application/x-yaml");
        using var response = await Http.PostAsync(baseUrl + "/api/scene", content, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PostingMoreScenesThanTheBoundKeepsOnlyTheBound()
    {
        const int bound = 2;
        string root = Path.Combine(Path.GetTempPath(), "bulwark-cache-tests", Guid.NewGuid().ToString("N"));
        var options = new ViewerOptions { Port = 0, ScenariosDir = Path.Combine(root, "no-scenarios"), SceneCacheSize = bound };
        WebApplication app = ViewerServer.Build(options);
        try
        {
            string baseUrl = await ViewerServer.StartAsync(app);
            SceneService service = app.Services.GetRequiredService<SceneService>();
            string[] cities = ["washington", "new-york", "boston"];
            foreach (string city in cities)
            {
                await Post(baseUrl, Posted(city));
            }

            Assert.Equal(cities.Length, service.ScenesComputed);
            Assert.Equal(bound, service.CachedScenes);

            // The most recent scene is served from the cache; the first one was pushed out and is computed again.
            await Post(baseUrl, Posted(cities[^1]));
            Assert.Equal(cities.Length, service.ScenesComputed);
            await Post(baseUrl, Posted(cities[0]));
            Assert.Equal(cities.Length + 1, service.ScenesComputed);
            Assert.Equal(bound, service.CachedScenes);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }
}
