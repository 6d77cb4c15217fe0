using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Bulwark.Output.Scenes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bulwark.Server.Tests;

/// <summary>
/// The server hardened (issue 18 item 4): the Host allow-list (DNS rebinding), the security headers on every response,
/// 405 with Allow for wrong methods, 400 for a body that is not UTF-8 and for a threat its missile cannot reach, and the
/// bounded queue of scene computations (503 with Retry-After when full; a refusal is not cached).
/// </summary>
public class HardeningTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(300) };

    /// <summary>Sends a request exactly as written; returns the status and the response's headers and body.</summary>
    private async Task<(int Status, string Head, string Body)> Raw(string method, string target, string host, byte[]? body = null)
    {
        var uri = new Uri(viewer.BaseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, TestContext.Current.CancellationToken);
        using NetworkStream stream = client.GetStream();
        string head = $"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n" +
            (body is null ? "" : $"Content-Type: application/x-yaml\r\nContent-Length: {body.Length}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        if (body is not null)
        {
            await stream.WriteAsync(body, TestContext.Current.CancellationToken);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        int split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string headers = split < 0 ? response : response[..split];
        int status = int.Parse(headers.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, headers, split < 0 ? "" : response[(split + 4)..]);
    }

    private string Port => new Uri(viewer.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Header(string head, string name) =>
        head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault();

    private static string ErrorOf(string body)
    {
        // A chunked body: the JSON is the line that starts with '{'.
        string json = body.Split('\n').First(l => l.TrimStart().StartsWith('{'));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    [Theory]
    [InlineData("127.0.0.1:{port}", 200)]
    [InlineData("localhost:{port}", 200)]
    [InlineData("LOCALHOST:{port}", 200)]
    [InlineData("[::1]:{port}", 200)]
    [InlineData("evil.example:{port}", 400)] // DNS rebinding: another site's name resolving to 127.0.0.1
    [InlineData("evil.example", 400)]
    [InlineData("127.0.0.1.evil.example:{port}", 400)]
    [InlineData("localhost.evil.example:{port}", 400)]
    [InlineData("127.0.0.1", 400)] // not the port the server listens on
    [InlineData("127.0.0.1:1", 400)]
    [InlineData("2130706433:{port}", 400)] // 127.0.0.1 written as a number: not a name of this server
    [InlineData("10.1.2.3:{port}", 400)]
    public async Task OnlyTheServersOwnHostNamesAreAnswered(string host, int expected)
    {
        var (status, head, body) = await Raw("GET", "/api/styles", host.Replace("{port}", Port, StringComparison.Ordinal));
        Assert.Equal(expected, status);
        Assert.Equal("DENY", Header(head, "X-Frame-Options")); // refused or not, the headers are there
        if (expected == 400)
        {
            Assert.Contains("not allowed", ErrorOf(body), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/api/architectures")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/scene")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var response = await Http.GetAsync(viewer.BaseUrl + path, TestContext.Current.CancellationToken);
        foreach (var (name, value) in ViewerServer.SecurityHeaders)
        {
            Assert.True(response.Headers.TryGetValues(name, out var values), $"{path}: no {name}");
            Assert.Equal(value, Assert.Single(values));
        }

        string csp = ViewerServer.ContentSecurityPolicy;
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("POST", "/api/architectures", "GET")]
    [InlineData("PUT", "/api/styles", "GET")]
    [InlineData("DELETE", "/api/threats", "GET")]
    [InlineData("POST", "/api/summary", "GET")]
    [InlineData("HEAD", "/api/footprint", "GET")]
    [InlineData("DELETE", "/api/scene", "GET, POST")]
    [InlineData("PUT", "/api/scene", "GET, POST")]
    [InlineData("POST", "/", "GET, HEAD")]
    [InlineData("DELETE", "/index.html", "GET, HEAD")]
    public async Task WrongMethodsOnKnownPathsAre405WithAllow(string method, string path, string allow)
    {
        var (status, head, body) = await Raw(method, path, "127.0.0.1:" + Port, method is "POST" or "PUT" ? [] : null);
        Assert.Equal(405, status);
        Assert.Equal(allow, Header(head, "Allow"));
        if (method != "HEAD")
        {
            Assert.Contains("not allowed", ErrorOf(body), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("POST", "/no-such-page")]
    [InlineData("DELETE", "/api/no-such-endpoint")]
    public async Task WrongMethodsOnUnknownPathsStay404(string method, string path)
    {
        var (status, _, _) = await Raw(method, path, "127.0.0.1:" + Port, method == "POST" ? [] : null);
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task ABodyThatIsNotUtf8Is400()
    {
        byte[] yaml = [.. Encoding.UTF8.GetBytes("name: \""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"\narchitecture: third-site-2007\n")];
        var (status, _, body) = await Raw("POST", "/api/scene", "127.0.0.1:" + Port, yaml);
        Assert.Equal(400, status);
        Assert.Contains("not UTF-8", ErrorOf(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThreatItsMissileCannotReachIs400NamingIt()
    {
        string error = await PostedThreatError("{ id: too-far, missile: shahab-3, from: semnan, to: washington }");
        Assert.StartsWith("posted scenario: threat 'too-far': ", error, StringComparison.Ordinal);
        Assert.Contains("beyond", error, StringComparison.Ordinal);
    }

    /// <summary>A threat aimed at its own launch place is refused when the scenario is read: located at its <c>to</c> key.</summary>
    [Fact]
    public async Task AThreatAimedAtItsOwnLaunchPlaceIs400LocatedAtItsTarget()
    {
        string error = await PostedThreatError("{ id: nowhere, missile: shahab-3, from: semnan, to: semnan }");
        Assert.StartsWith("posted scenario:4:", error, StringComparison.Ordinal);
        Assert.Contains("threats[0].to", error, StringComparison.Ordinal);
    }

    private async Task<string> PostedThreatError(string threat)
    {
        string yaml = $"name: unreachable\narchitecture: third-site-2007\nthreats:\n  - {threat}\n";
        using var content = new StringContent(yaml, Encoding.UTF8, "application/x-yaml");
        using var response = await Http.PostAsync(viewer.BaseUrl + "/api/scene", content, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return ErrorOf(body);
    }

    /// <summary>
    /// The page never parses the server's strings as HTML (names from a posted scenario included): no innerHTML and its
    /// kin in app.js, and no inline script (the Content-Security-Policy allows scripts from the server only). The browser
    /// test posts such names and checks they show as text.
    /// </summary>
    [Fact]
    public void ThePageBuildsItsTextWithoutParsingHtml()
    {
        string www = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        string app = File.ReadAllText(Path.Combine(www, "app.js"));
        foreach (string sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(sink, app, StringComparison.Ordinal);
        }

        string page = File.ReadAllText(Path.Combine(www, "index.html"));
        Assert.DoesNotMatch(@"<script>|<script [^>]*>[^<]", page);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", page); // no inline event handlers
    }

    /// <summary>CZML descriptions are HTML to CesiumJS: a scene item's text (a user's name in it) is escaped.</summary>
    [Fact]
    public void CzmlDescriptionsAreEscapedText()
    {
        const string name = "<img src=x onerror=\"window.__xss=1\"> & 'co'";
        var scene = new GeoScene("x").Marker("sites", "site/a", name, SceneStyle.Site, Bulwark.Earth.Geodetic.FromDegrees(50, 20), description: name);
        using var doc = JsonDocument.Parse(scene.ToCzml());
        JsonElement packet = doc.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "site/a");
        Assert.Equal("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; &amp; &#39;co&#39;", packet.GetProperty("description").GetString());
        Assert.Equal(name, packet.GetProperty("name").GetString()); // the name is text to CesiumJS already
    }

    /// <summary>
    /// One computation at a time and none waiting: while one (a footprint held by a gate) runs, a scene that is not cached
    /// is refused with 503 and Retry-After, and the refusal is not cached: asked again once the slot is free, it is computed.
    /// </summary>
    [Fact]
    public async Task AFullQueueAnswers503WithRetryAfterAndIsNotCached()
    {
        using var gate = new ManualResetEventSlim(false);
        int computed = 0;
        GeoScene Footprint(Bulwark.Analysis.AnalysisContext context, Bulwark.Catalog.Scenario s)
        {
            Interlocked.Increment(ref computed);
            if (s.Architecture!.Id == "epaa-phase-3-2018")
            {
                gate.Wait(TimeSpan.FromMinutes(2));
            }

            return new GeoScene("footprint");
        }

        var options = new ViewerOptions
        {
            Port = 0, ScenariosDir = Path.Combine(viewer.Root, "none"), Footprint = Footprint,
            MaxConcurrentScenes = 1, MaxQueuedScenes = 0, RetryAfterSeconds = 7,
        };
        WebApplication app = ViewerServer.Build(options);
        try
        {
            string baseUrl = await ViewerServer.StartAsync(app);
            SceneService service = app.Services.GetRequiredService<SceneService>();
            Assert.Equal((1, 0), service.Limits);
            const string threat = "&threat=sejjil-3-tabriz-berlin";
            Task<HttpResponseMessage> held = Http.GetAsync(baseUrl + "/api/footprint?architecture=epaa-phase-3-2018" + threat, TestContext.Current.CancellationToken);
            while (service.Load.Running < 1)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            foreach (string path in new[] { "/api/footprint?architecture=third-site-2007" + threat, "/api/scene?architecture=third-site-2007" + threat })
            {
                using var refused = await Http.GetAsync(baseUrl + path, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal("7", refused.Headers.GetValues("Retry-After").Single());
                Assert.Contains("busy", ErrorOf(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
                Assert.True(refused.Headers.Contains("Content-Security-Policy"));
            }

            Assert.Equal(2, service.Refused);
            Assert.Equal(0, service.CachedScenes); // the refused scene is not kept
            gate.Set();
            using (HttpResponseMessage first = await held)
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }

            using var again = await Http.GetAsync(baseUrl + "/api/footprint?architecture=third-site-2007" + threat, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(2, computed);
        }
        finally
        {
            gate.Set();
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }
}
