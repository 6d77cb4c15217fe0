using System.Net;
using System.Text;
using System.Text.Json;
using Bulwark.Catalog;
using Bulwark.Output;
using Bulwark.Output.Json;
using Bulwark.Output.Scenes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Bulwark.Flight.Targeting;
using Bulwark.Engagement;

namespace Bulwark.Server;

/// <summary>
/// The web viewer of <c>bulwark serve</c>: the static page (wwwroot/), CesiumJS at <c>/cesium</c>, world-atlas and
/// topojson-client at <c>/vendor</c>, and the JSON API (docs/viewer.md). Hygiene: loopback by default; unknown paths and
/// anything outside the served folders get 404; wrong methods on known paths 405 with <c>Allow</c>; a <c>Host</c> that
/// is neither a loopback name nor the bound address 400 (DNS rebinding); every response carries a Content-Security-Policy
/// and the usual headers (<see cref="SecurityHeaders"/>); bodies and query strings are bounded, and so is the queue of
/// scene computations (503 with <c>Retry-After</c> when full); bad input gets 400 with a message and never a stack trace.
/// </summary>
public static class ViewerServer
{
    /// <summary>
    /// The page's Content-Security-Policy: everything from this server only (scripts, styles, tiles, workers, data);
    /// CesiumJS also needs <c>blob:</c> workers, worker scripts and images, <c>data:</c> images and fetches, inline styles (its widgets
    /// set them) and <c>'unsafe-eval'</c> (knockout, behind its widgets, compiles their bindings). No frame may hold the
    /// page; the page posts no forms and loads no plugins.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' data: blob:; worker-src 'self' blob:; child-src 'self' blob:; frame-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The headers on every response (pages, assets, API answers and errors alike).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> SecurityHeaders =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Frame-Options", "DENY"),
        new("X-Content-Type-Options", "nosniff"),
        new("Referrer-Policy", "no-referrer"),
        new("Cross-Origin-Resource-Policy", "same-origin"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    /// <summary>Builds the application (not started). <paramref name="log"/> receives warnings (stderr in the CLI).</summary>
    public static WebApplication Build(ViewerOptions options, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        string webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        string? viewerDir = options.ViewerDir ?? ViewerAssets.FindViewerDir();
        string? scenariosDir = options.ScenariosDir ?? ViewerAssets.FindScenariosDir();
        IPAddress address = options.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out IPAddress? a) ? a
            : throw new InputException(null, null, null, "--host", $"expected an IP address such as 127.0.0.1, not '{options.Host}'");
        if (options.Port is < 0 or > 65535)
        {
            throw new InputException(null, null, null, "--port", $"expected a port from 0 to 65535, not {options.Port}");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Listen(address, options.Port);
        });
        var service = new SceneService(scenariosDir, options.SceneCacheSize,
            context: options.Store is null ? null : new Bulwark.Analysis.AnalysisContext(BulwarkCatalog.BuiltIn, store: options.Store), maxConcurrent: options.MaxConcurrentScenes,
            maxQueued: options.MaxQueuedScenes, retryAfterS: options.RetryAfterSeconds);
        builder.Services.AddSingleton(service);
        var app = builder.Build();

        app.Use(async (ctx, next) =>
        {
            foreach (var (name, value) in SecurityHeaders)
            {
                ctx.Response.Headers[name] = value;
            }

            // DNS rebinding: a page from another site whose name now resolves to this machine sends its own name.
            if (!AllowedHost(ctx, address))
            {
                await Error(ctx, StatusCodes.Status400BadRequest,
                    $"host '{Truncate(ctx.Request.Host.Value ?? "")}' not allowed: use localhost, 127.0.0.1, [::1] or the address the server is bound to, with its port");
                return;
            }

            if (ctx.Request.QueryString.Value is { } q && q.Length > options.MaxQueryLength)
            {
                await Error(ctx, StatusCodes.Status414UriTooLong, $"query string too long ({q.Length} characters; at most {options.MaxQueryLength})");
                return;
            }

            try
            {
                await next(ctx);
            }
            catch (Exception e) when (!ctx.Response.HasStarted)
            {
                var (status, message) = e switch
                {
                    BadRequestException or InputException => (StatusCodes.Status400BadRequest, e.Message),
                    ServerBusyException => (StatusCodes.Status503ServiceUnavailable, e.Message),
                    BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? $"request body too large (at most {options.MaxRequestBodyBytes} bytes)" : "bad request"),
                    _ => (StatusCodes.Status500InternalServerError, $"internal error: {e.GetType().Name}"),
                };
                if (e is ServerBusyException busy)
                {
                    ctx.Response.Headers.RetryAfter = busy.RetryAfterS.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (status == StatusCodes.Status500InternalServerError)
                {
                    log.WriteLine($"error: {ctx.Request.Path}: {e.GetType().Name}: {e.Message}");
                }

                await Error(ctx, status, message);
            }
        });

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Files(webRoot) });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Files(webRoot) });
        if (viewerDir is not null && Directory.Exists(ViewerAssets.CesiumDir(viewerDir)))
        {
            Static(app, "/cesium", ViewerAssets.CesiumDir(viewerDir));
            Static(app, "/vendor/world-atlas", Path.Combine(viewerDir, "node_modules", "world-atlas"));
            Static(app, "/vendor/topojson-client", Path.Combine(viewerDir, "node_modules", "topojson-client", "dist"));
        }
        else
        {
            log.WriteLine("warning: CesiumJS not found (run `npm ci` in viewer/, or set BULWARK_VIEWER_DIR): the page cannot draw the globe");
        }

        app.UseRouting();
        MapApi(app, service, options);
        // The page's own files answer GET and HEAD (the static-file middleware); another method on them is 405.
        PhysicalFileProvider page = Files(webRoot);
        app.MapFallback("{**path}", (HttpContext ctx) =>
            !HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method) &&
            (ctx.Request.Path == "/" || page.GetFileInfo(ctx.Request.Path.Value ?? "").Exists)
                ? MethodNotAllowed(ctx, ["GET", "HEAD"])
                : Error(ctx, StatusCodes.Status404NotFound, "not found"));
        return app;
    }

    /// <summary>Starts the application and returns the address it listens on (http://host:port).</summary>
    public static async Task<string> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/');
    }

    /// <summary>Runs the viewer until the process is asked to stop (Ctrl+C), calling <paramref name="started"/> with its address.</summary>
    public static void Serve(ViewerOptions options, TextWriter log, Action<string> started)
    {
        var app = Build(options, log);
        started(StartAsync(app).GetAwaiter().GetResult());
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
    }

    private static void MapApi(WebApplication app, SceneService service, ViewerOptions options)
    {
        // Each endpoint's methods, for the 405 of another method on its path (with Allow).
        var methods = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        void Known(string method, string path)
        {
            if (!methods.TryGetValue(path, out var list))
            {
                methods[path] = list = [];
            }

            list.Add(method);
        }

        void Get(string path, Delegate handler)
        {
            Known("GET", path);
            app.MapGet(path, handler);
        }

        Get("/api/architectures", () => Json(Architectures()));
        Get("/api/threats", () => Json(Threats(service)));
        Get("/api/styles", () => Json(Styles()));
        Get("/api/scene", async (HttpContext ctx) =>
        {
            var (scenario, architecture, threat) = (One(ctx, "scenario"), One(ctx, "architecture"), One(ctx, "threat"));
            Scenario s = service.Resolve(scenario, architecture, threat);
            SceneResult r = await service.Scene(s, SceneService.Key("file", scenario, architecture, threat));
            return Results.Text(r.Czml, "application/json", Encoding.UTF8);
        });
        Get("/api/summary", async (HttpContext ctx) =>
        {
            var (scenario, architecture, threat) = (One(ctx, "scenario"), One(ctx, "architecture"), One(ctx, "threat"));
            Scenario s = service.Resolve(scenario, architecture, threat);
            SceneResult r = await service.Scene(s, SceneService.Key("file", scenario, architecture, threat));
            return Results.Text(r.SummaryJson, "application/json", Encoding.UTF8);
        });
        // A user's own scenario file (YAML, at most MaxRequestBodyBytes), against one of its threats: the scene as
        // {"czml": [...], "summary": {...}}.
        Known("POST", "/api/scene");
        app.MapPost("/api/scene", async (HttpContext ctx) =>
        {
            string yaml = await Utf8Body(ctx);
            var (architecture, threat) = (One(ctx, "architecture"), One(ctx, "threat"));
            Scenario s = SceneService.ResolvePosted(yaml, architecture, threat);
            SceneResult r = await service.Scene(s, SceneService.Key("posted", SceneService.Hash(yaml), architecture, threat));
            return Results.Text($"{{\"czml\":{r.Czml},\"summary\":{r.SummaryJson}}}\n", "application/json", Encoding.UTF8);
        });
        // The defended-footprint overlay: 404 until the footprint analysis is plugged in (ViewerOptions.Footprint).
        Get("/api/footprint", async (HttpContext ctx) =>
        {
            if (options.Footprint is not { } footprint)
            {
                return Results.Json(new Dictionary<string, string>
                {
                    ["error"] = "not available: the defended-footprint analysis is not in this build yet (docs/viewer.md, \"Footprint overlay\")",
                }, statusCode: StatusCodes.Status404NotFound);
            }

            Scenario s = service.Resolve(One(ctx, "scenario"), One(ctx, "architecture"), One(ctx, "threat"));
            return Results.Text((await service.Footprint(s, footprint)).ToCzml(), "application/json", Encoding.UTF8);
        });
        app.Map("/api/{**rest}", (HttpContext ctx) =>
            methods.TryGetValue(ctx.Request.Path.Value ?? "", out var allowed)
                ? MethodNotAllowed(ctx, allowed)
                : Error(ctx, StatusCodes.Status404NotFound, $"no API endpoint {ctx.Request.Method} {ctx.Request.Path}"));
    }

    /// <summary>The request body as UTF-8 text (a UTF-8 byte-order mark is dropped); anything else is 400.</summary>
    private static async Task<string> Utf8Body(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted); // bounded by Kestrel's MaxRequestBodySize
        ReadOnlySpan<byte> bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new BadRequestException("the body is not UTF-8 text: post the scenario file as UTF-8");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Whether the request's Host is one of this server's own names: a loopback name (localhost, 127.0.0.1, [::1]), the
    /// bound address or the address the connection came in on, with the port it came in on. A page served under another
    /// name (DNS rebinding: a hostile site whose name now resolves to 127.0.0.1) is refused.
    /// </summary>
    private static bool AllowedHost(HttpContext ctx, IPAddress bound)
    {
        HostString host = ctx.Request.Host;
        if (!host.HasValue || (host.Port ?? 80) != ctx.Connection.LocalPort)
        {
            return false;
        }

        string name = host.Host;
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name, out IPAddress? ip) ||
            !string.Equals(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString(), name, StringComparison.OrdinalIgnoreCase))
        {
            return false; // a name, or an address written in an unusual form (2130706433, 0x7f.1)
        }

        static IPAddress Plain(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;
        return IPAddress.IsLoopback(ip) || Plain(ip).Equals(Plain(bound)) ||
            (ctx.Connection.LocalIpAddress is { } local && Plain(ip).Equals(Plain(local)));
    }

    private static Task MethodNotAllowed(HttpContext ctx, IReadOnlyList<string> allowed)
    {
        ctx.Response.Headers.Allow = string.Join(", ", allowed);
        return Error(ctx, StatusCodes.Status405MethodNotAllowed, $"method {Truncate(ctx.Request.Method)} not allowed on {ctx.Request.Path}: use {string.Join(" or ", allowed)}");
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";

    /// <summary>A query parameter given at most once (null if absent).</summary>
    private static string? One(HttpContext ctx, string name)
    {
        var values = ctx.Request.Query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new BadRequestException($"query parameter '{name}' given {values.Count} times; give it once"),
        };
    }

    private static string Architectures() => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (CatalogEntry e in SceneService.Catalog.OfKind("architectures"))
        {
            Architecture a = SceneService.Catalog.Architecture(e.Id);
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteNumber("year", a.Year);
            w.WriteString("status", a.Status);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string Threats(SceneService service) => JsonText.Write(w =>
    {
        void ThreatList(IEnumerable<Threat> threats)
        {
            w.WriteStartArray("threats");
            foreach (Threat t in threats)
            {
                w.WriteStartObject();
                SensorJson.ThreatFields(w, t);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartObject();
        w.WriteStartArray("threat_sets");
        foreach (ThreatSet set in SceneService.ThreatSets())
        {
            w.WriteStartObject();
            w.WriteString("id", set.Id);
            w.WriteString("name", set.Name);
            ThreatList(set.Threats);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("scenarios");
        foreach (ScenarioFile f in service.Scenarios)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("name", f.Scenario.Name);
            w.WriteString("architecture", f.Scenario.Architecture!.Id);
            ThreatList(f.Scenario.Threats);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The legend: each style's name and colour (the exports' palette).</summary>
    private static string Styles() => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (SceneStyle s in Enum.GetValues<SceneStyle>())
        {
            w.WriteStartObject();
            w.WriteString("style", ScenePalette.Name(s));
            w.WriteStartArray("rgba");
            foreach (int c in ScenePalette.Rgba(s))
            {
                w.WriteNumberValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static IResult Json(string text) => Results.Text(text, "application/json", Encoding.UTF8);

    private static Task Error(HttpContext ctx, int status, string message)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }) + "\n");
    }

    private static PhysicalFileProvider Files(string root) => new(Path.GetFullPath(root));

    private static void Static(WebApplication app, string prefix, string root) =>
        app.UseStaticFiles(new StaticFileOptions { RequestPath = prefix, FileProvider = Files(root) });
}
