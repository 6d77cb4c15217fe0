using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Bulwark.Catalog;

namespace Bulwark.Server.Tests;

/// <summary>The viewer's hygiene (issue 7): loopback by default, 404 for unknown paths and traversal, bounded bodies and queries, 400 with a message for bad input.</summary>
public class ApiTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private async Task<(HttpStatusCode Status, string Body)> Get(string pathAndQuery)
    {
        using var response = await Http.GetAsync(viewer.BaseUrl + pathAndQuery, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Sends a request line exactly as written (HttpClient would normalise dot segments away).</summary>
    private async Task<int> Raw(string target)
    {
        var uri = new Uri(viewer.BaseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, TestContext.Current.CancellationToken);
        using NetworkStream stream = client.GetStream();
        byte[] request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        string status = await reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? "";
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ErrorOf(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    private static void NoStackTrace(string body)
    {
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public void BindsToLoopbackByDefault()
    {
        Assert.Equal("127.0.0.1", new ViewerOptions().Host);
        Assert.StartsWith("http://127.0.0.1:", viewer.BaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServesThePageAndListsTheCatalog()
    {
        var (status, body) = await Get("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/cesium/Cesium.js", body, StringComparison.Ordinal);

        (status, body) = await Get("/api/architectures");
        Assert.Equal(HttpStatusCode.OK, status);
        using var doc = JsonDocument.Parse(body);
        var ids = doc.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(BulwarkCatalog.BuiltIn.OfKind("architectures").Select(e => e.Id), ids);
        Assert.Contains("epaa-phase-3-2018", ids);

        (status, body) = await Get("/api/threats");
        Assert.Equal(HttpStatusCode.OK, status);
        using var threats = JsonDocument.Parse(body);
        JsonElement europe = threats.RootElement.GetProperty("threat_sets").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "iran-to-europe");
        Assert.Contains(europe.GetProperty("threats").EnumerateArray(), t => t.GetProperty("id").GetString() == "sejjil-3-tabriz-berlin");
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/no-such-script.js")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/cesium/Cesium.js.map.missing")]
    public async Task UnknownPathsAre404(string path)
    {
        var (status, body) = await Get(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(string.IsNullOrEmpty(ErrorOf(body)));
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("/index.html/../../secret.txt")]
    [InlineData("/%2e%2e%2f%2e%2e%2fsecret.txt")]
    public async Task PathTraversalIs404(string target)
    {
        Assert.True(File.Exists(Path.Combine(viewer.Root, "secret.txt")));
        Assert.Equal(200, await Raw("/index.html")); // the raw client does reach served files
        Assert.Equal(404, await Raw(target));
    }

    [Theory]
    [InlineData("/api/scene", "missing query parameter 'threat'")]
    [InlineData("/api/scene?threat=sejjil-3-tabriz-berlin", "missing query parameter 'architecture'")]
    [InlineData("/api/scene?architecture=epaa-phase-3-2018", "missing query parameter 'threat'")]
    [InlineData("/api/scene?architecture=no-such&threat=sejjil-3-tabriz-berlin", "unknown architecture 'no-such'")]
    [InlineData("/api/scene?architecture=epaa-phase-3-2018&threat=no-such", "unknown threat 'no-such'")]
    [InlineData("/api/summary?architecture=..%2F..%2Fetc&threat=x", "bad architecture")]
    [InlineData("/api/scene?architecture=a&architecture=b&threat=c", "given 2 times")]
    [InlineData("/api/scene?scenario=no-such&threat=c", "unknown scenario 'no-such'")]
    [InlineData("/api/footprint?architecture=epaa-phase-3-2018", "not available")]
    public async Task MalformedInputGetsAMessage(string pathAndQuery, string expected)
    {
        var (status, body) = await Get(pathAndQuery);
        Assert.Equal(pathAndQuery.StartsWith("/api/footprint", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, ErrorOf(body), StringComparison.Ordinal);
        NoStackTrace(body);
    }

    [Fact]
    public async Task APostedScenarioWithAnErrorGets400NamingTheLine()
    {
        using var content = new StringContent("name: broken\narchitecture: no-such-architecture\nthreats: iran-to-europe\n", Encoding.UTF8, "application/x-yaml");
        using var response = await Http.PostAsync(viewer.BaseUrl + "/api/scene", content, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string error = ErrorOf(body);
        Assert.Contains("posted scenario", error, StringComparison.Ordinal);
        Assert.Contains("no-such-architecture", error, StringComparison.Ordinal);
        Assert.Contains("posted scenario:2:", error, StringComparison.Ordinal); // file:line:column
        NoStackTrace(body);
    }

    [Fact]
    public async Task RequestBodiesAreBounded()
    {
        byte[] big = new byte[viewer.Options.MaxRequestBodyBytes + 1];
        Array.Fill(big, (byte)'#');
        using var content = new ByteArrayContent(big);
        using var response = await Http.PostAsync(viewer.BaseUrl + "/api/scene", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", ErrorOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryStringsAreBounded()
    {
        string justUnder = "?threat=" + new string('a', viewer.Options.MaxQueryLength - "?threat=".Length);
        var (status, _) = await Get("/api/scene" + justUnder);
        Assert.Equal(HttpStatusCode.BadRequest, status); // the length is accepted; the id is refused
        var (longStatus, body) = await Get("/api/scene" + justUnder + "a");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longStatus);
        Assert.Contains("query string too long", ErrorOf(body), StringComparison.Ordinal);
        // Past Kestrel's request-line limit the server refuses before any handler runs.
        Assert.Equal(414, await Raw("/api/scene?threat=" + new string('a', 10_000)));
    }
}
