using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Template;
using Replete.Documents;

namespace Replete.Web.WebApp;

/// <summary>What an API endpoint answered to a page: the status and the wire JSON body (null for none), and the problems
/// of a refusal (each with its field path and message), so a page shows exactly what an API client would see.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The JSON body, or null.</param>
internal sealed record ApiAnswer(int Status, JsonNode? Body)
{
    /// <summary>2xx.</summary>
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>Where a problem is, as the CLI says it: the file and line when the problem has them, then the field.</summary>
    private static string Where(JsonNode? problem)
    {
        var source = (string?)problem?["source"];
        var line = problem?["line"] is JsonValue l ? $" line {l}" : "";
        var path = (string?)problem?["path"] is { Length: > 0 } p && p != "$" ? p : "";
        var file = source is { Length: > 0 } && source != "request" && line.Length > 0 ? source + line : "";
        return file.Length > 0 && path.Length > 0 ? $"{file}, {path}" : file + path;
    }

    /// <summary>Whether a problem of the refusal has <paramref name="code"/> (such as <c>question</c>, the unit question).</summary>
    public bool HasProblemCode(string code) => !Ok && Body?["problems"] is JsonArray problems && problems.Any(p => (string?)p?["code"] == code);

    /// <summary>The problems of a refusal, in order: the engine's <c>problems</c> (path and message), else the title and
    /// detail of the ProblemDetails.</summary>
    public IReadOnlyList<(string Path, string Message)> Problems
    {
        get
        {
            if (Ok)
            {
                return [];
            }

            if (Body?["problems"] is JsonArray problems)
            {
                return [.. problems.Select(p => (Where(p), (string?)p?["message"] ?? ""))];
            }

            if (Body?["errors"] is JsonObject errors)
            {
                return [.. errors.SelectMany(e => (e.Value as JsonArray ?? []).Select(m => (e.Key, (string?)m ?? "")))];
            }

            var title = (string?)Body?["title"] ?? $"The request failed ({Status}).";
            return [("", (string?)Body?["detail"] is { Length: > 0 } detail ? $"{title} {detail}" : title)];
        }
    }
}

/// <summary>Runs the server's own API endpoints in-process for the web pages: the endpoint's whole pipeline (the athlete
/// access filter with its scopes and audit log, body reading by the engine's readers, every rule) on a request that
/// carries the page's signed-in user, without HTTP. A page can therefore never do or see more than the API allows the
/// same person, and a coach's page read is audited like an API read.</summary>
/// <remarks>The endpoint's exceptions are turned into ProblemDetails as the server's exception handler does
/// (<see cref="Problems"/>); cookies it sets (sign-in, sign-out) are passed on to the page's response.</remarks>
internal sealed class InProcessApi(EndpointDataSource endpoints)
{
    private IReadOnlyList<(RouteEndpoint Endpoint, TemplateMatcher Matcher, string[] Methods, int Literals)>? routes;

    private IReadOnlyList<(RouteEndpoint Endpoint, TemplateMatcher Matcher, string[] Methods, int Literals)> Routes => routes ??= [..
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RequestDelegate is not null)
            .Select(e => (e, new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), []),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? [],
                e.RoutePattern.PathSegments.Count(s => s.IsSimple && s.Parts[0].IsLiteral)))];

    /// <summary>GET <paramref name="pathAndQuery"/> (for example <c>/api/v1/athletes/me/labs?biomarker=ferritin</c>).</summary>
    public Task<ApiAnswer> GetAsync(HttpContext page, string pathAndQuery) => SendAsync(page, HttpMethods.Get, pathAndQuery);

    /// <summary>Sends a request to the endpoint that serves <paramref name="method"/> <paramref name="pathAndQuery"/>.</summary>
    /// <param name="page">The page's request: its user, services and cancellation.</param>
    /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
    /// <param name="pathAndQuery">The API path with its query.</param>
    /// <param name="body">A JSON body: an object written with the wire policy (snake_case), a <see cref="JsonNode"/>, or
    /// the bytes of a JSON file.</param>
    /// <param name="forwardForm">Hands the page's own multipart form (an upload) to the endpoint instead of a body.</param>
    /// <exception cref="InvalidOperationException">No API endpoint serves the path: a bug in the page.</exception>
    public async Task<ApiAnswer> SendAsync(HttpContext page, string method, string pathAndQuery, object? body = null, bool forwardForm = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var split = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = new PathString(split < 0 ? pathAndQuery : pathAndQuery[..split]);
        var values = new RouteValueDictionary();
        var endpoint = Routes.Where(r => r.Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(r => r.Literals)
            .FirstOrDefault(r => { values.Clear(); return r.Matcher.TryMatch(path, values); }).Endpoint
            ?? throw new InvalidOperationException($"No API endpoint serves {method} {path}.");
        values.Clear();
        Routes.First(r => r.Endpoint == endpoint).Matcher.TryMatch(path, values);

        var context = new DefaultHttpContext { RequestServices = page.RequestServices, User = page.User, RequestAborted = page.RequestAborted };
        var request = context.Request;
        request.Method = method;
        request.Scheme = page.Request.Scheme;
        request.Host = page.Request.Host;
        request.Path = path;
        request.QueryString = split < 0 ? QueryString.Empty : new QueryString(pathAndQuery[split..]);
        request.RouteValues = values;
        context.Connection.RemoteIpAddress = page.Connection.RemoteIpAddress;
        if (forwardForm)
        {
            request.ContentType = page.Request.ContentType;
            context.Features.Set(page.Features.Get<IFormFeature>());
        }
        else if (body is not null)
        {
            var bytes = body switch
            {
                byte[] raw => raw,
                JsonNode node => Encoding.UTF8.GetBytes(node.ToJsonString()),
                _ => JsonSerializer.SerializeToUtf8Bytes(body, Replete.Data.WireJson.Options),
            };
            request.ContentType = "application/json";
            request.ContentLength = bytes.Length;
            request.Body = new MemoryStream(bytes);
        }

        // Minimal APIs read a body only where the server says the request can have one.
        context.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(forwardForm || body is not null));

        using var response = new MemoryStream();
        context.Response.Body = response;
        context.SetEndpoint(endpoint);
        try
        {
            await endpoint.RequestDelegate!(context);
        }
        catch (InputException input)
        {
            await Restart(context, response, Problems.Input(input.Problems));
        }
        catch (BadHttpRequestException bad)
        {
            await Restart(context, response, bad.InnerException is JsonException json ? Problems.Json(json, endpoint)
                : Results.Problem(statusCode: bad.StatusCode, title: "The request could not be read.", detail: bad.Message));
        }

        foreach (var cookie in context.Response.Headers.SetCookie)
        {
            page.Response.Headers.Append("Set-Cookie", cookie);
        }

        JsonNode? parsed = null;
        if (response.Length > 0 && context.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            parsed = JsonNode.Parse(response.ToArray());
        }

        return new ApiAnswer(context.Response.StatusCode, parsed);
    }

    private static Task Restart(HttpContext context, MemoryStream response, IResult result)
    {
        response.SetLength(0);
        context.Response.Headers.ContentType = default;
        return result.ExecuteAsync(context);
    }

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }
}
