using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Replete.Data;
using Replete.Documents;

namespace Replete.Web;

/// <summary>The API's conventions: the CLI's wire JSON (snake_case names and enum values) for every body; unknown fields
/// refused; every failure a ProblemDetails; the OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class ServerApi
{
    /// <summary>The largest upload (an import or an export): the engine's 200 MB diet-file limit (<see cref="InputLimits"/>).</summary>
    public static long MaxUploadBytes => InputLimits.MaximumDietFileBytes;

    /// <summary>The largest body of any other request: 5 MB, Replete's choice (a FHIR upload of a few years of labs is
    /// well below it; a profile, a check-in or an invitation is a few hundred bytes).</summary>
    public const long MaxBodyBytes = 5L * 1024 * 1024;

    public static WebApplicationBuilder AddRepleteApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => Copy(WireJson.Options, o.SerializerOptions));
        builder.Services.AddProblemDetails();
        // A body that does not bind throws, so the one exception handler can name the field (not a bare 400).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Replete API";
            document.Info.Description = "Decision support for athletes' micronutrient status: accounts, a person's data over time, "
                + "saved assessments and plans, and sharing with coaches. Not a diagnosis.";
            return Task.CompletedTask;
        }));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.AddServerHeader = false; // no "Server: Kestrel": nothing gained by naming the software to a stranger
        });
        return builder;
    }

    /// <summary>Turns exceptions into ProblemDetails: bad input (the engine's problems, or a body that is not the JSON
    /// asked for) is 400 with each problem's path; nothing else shows its inside.</summary>
    /// <remarks>Refused input is the client's mistake, not the server's: it is logged as one line at Information (the
    /// route, the status and the field paths, never the values sent, which may be health data) instead of the exception
    /// handler's error with a stack trace, which stays for everything else.</remarks>
    public static WebApplication UseRepleteErrors(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Replete.Web.Requests");
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => IsRefusal(ex) ? Unreadable(ex)?.StatusCode ?? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => IsRefusal(context.Exception),
            ExceptionHandler = async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                var error = feature?.Error;
                if (error is not null && IsRefusal(error))
                {
                    var route = (feature!.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? feature.Path;
                    var status = Unreadable(error)?.StatusCode ?? StatusCodes.Status400BadRequest;
                    var (kind, fields) = (error.GetType().Name, Fields(error));
                    ServerLog.Refused(log, context.Request.Method, route, status, kind, fields);
                }

                var result = (error, error is null ? null : Unreadable(error)) switch
                {
                    (InputException input, _) => Problems.Input(input.Problems),
                    (_, { InnerException: JsonException json }) => Problems.Json(json, feature?.Endpoint),
                    (_, { } bad) => Results.Problem(statusCode: bad.StatusCode, title: "The request could not be read.", detail: bad.Message),
                    _ => Results.Problem(statusCode: 500, title: "Something went wrong on the server."),
                };
                await result.ExecuteAsync(context);
            },
        });
        app.UseStatusCodePages();
        return app;
    }

    private static bool IsRefusal(Exception error) => error is InputException || Unreadable(error) is not null;

    /// <summary>The unreadable request behind <paramref name="error"/>, itself or wrapped: a body above the size limit
    /// read while the antiforgery check reads a form comes wrapped in the antiforgery's own exception, and is still
    /// the client's 413, not the server's 500.</summary>
    private static BadHttpRequestException? Unreadable(Exception? error) => error switch
    {
        null => null,
        BadHttpRequestException bad => bad,
        _ => Unreadable(error.InnerException),
    };

    /// <summary>The field paths a refusal names, for the log.</summary>
    private static string Fields(Exception error) => error switch
    {
        InputException input => string.Join(", ", input.Problems.Select(p => p.Path.Length == 0 ? "$" : p.Path).Distinct(StringComparer.Ordinal)),
        _ when Unreadable(error) is { InnerException: JsonException json } => json.Path is { Length: > 0 } path ? path : "$",
        _ => "-",
    };

    private static void Copy(JsonSerializerOptions from, JsonSerializerOptions to)
    {
        to.PropertyNamingPolicy = from.PropertyNamingPolicy;
        to.DictionaryKeyPolicy = from.DictionaryKeyPolicy;
        to.Encoder = from.Encoder;
        to.NumberHandling = from.NumberHandling;
        to.WriteIndented = false;
        to.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A field given twice is refused, as the command line's readers refuse it (only one of the two would be read).
        to.AllowDuplicateProperties = false;
        // Field names as documented, exactly ("Food" is not "food"), as the command line's readers take them; ASP.NET
        // Core's web defaults would match any case.
        to.PropertyNameCaseInsensitive = false;
        to.Converters.Add(new StoredTextConverter());
        foreach (var converter in from.Converters)
        {
            // An enum by its name only: a number would store values no name stands for (tester h73: scopes [255] were
            // stored as a grant of undefined bits).
            to.Converters.Add(converter is JsonStringEnumConverter ? new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) : converter);
        }
    }
}

/// <summary>The API's ProblemDetails, one shape for every refusal.</summary>
internal static class Problems
{
    /// <summary>400 with the engine's problems: <c>errors</c> maps each field path to its messages, and <c>problems</c>
    /// lists them in order with line and code (a reported red flag first).</summary>
    public static IResult Input(IReadOnlyList<InputProblem> problems)
    {
        var errors = problems.GroupBy(p => p.Path.Length == 0 ? "$" : p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return Results.ValidationProblem(errors, title: "The request has problems.", extensions: new Dictionary<string, object?>
        {
            ["problems"] = problems.Select(p => new { source = p.Source, line = p.Line, path = p.Path, code = p.Code, message = p.Message }).ToList(),
        });
    }

    /// <summary>400 for one field.</summary>
    public static IResult Field(string path, string message) =>
        Input([new InputProblem("request", null, path, InputProblemCodes.Invalid, message)]);

    /// <summary>400 for a body that is not the JSON asked for: names the field path (an unknown field, a wrong type).</summary>
    public static IResult Json(JsonException json, Endpoint? endpoint = null)
    {
        var path = json.Path is { Length: > 0 } p ? p : "$";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        if (json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return Input([new InputProblem("request", (int?)(json.LineNumber + 1), field, InputProblemCodes.Conflict, InputProblemCodes.GivenTwiceMessage)]);
        }

        if (json is HiddenTextException)
        {
            return Input([new InputProblem("request", (int?)(json.LineNumber + 1), field, InputProblemCodes.Invalid, json.Message)]);
        }

        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            // The unknown field keeps its JSON path ("$.colour"), as the tests and clients read it.
            return Input([new InputProblem("request", (int?)(json.LineNumber + 1), path, InputProblemCodes.UnknownField, "unknown field")]);
        }

        return Input([new InputProblem("request", (int?)(json.LineNumber + 1), field, InputProblemCodes.WrongType, Expected(json, endpoint, field))]);
    }

    /// <summary>What a field that did not bind takes, in the words of the engine's document readers
    /// (<see cref="Documents.DocumentReader"/>: "must be a number", "must be text", "must be true or false"), with the
    /// body's own <see cref="System.ComponentModel.DescriptionAttribute"/> for the field where it has one: a lab posted
    /// with "value": "18" was answered only "not the expected value" (reviewer brief h102).</summary>
    private static string Expected(JsonException json, Endpoint? endpoint, string field)
    {
        // The field's own type where the endpoint's body type has it (a record bound through its constructor names the
        // record in the exception, not the field); else the type System.Text.Json names ("could not be converted to
        // System.Nullable`1[System.Double]").
        var property = Property(endpoint, field);
        var type = property is not null ? (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).ToString()
            : json.Message.Split("converted to ", 2) is [_, var rest] ? rest.Split(". Path:", 2)[0] : "";
        string? expected = type switch
        {
            _ when type.Contains("List`", StringComparison.Ordinal) || type.Contains("Enumerable`", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "must be a list",
            _ when type.Contains("System.Double", StringComparison.Ordinal) || type.Contains("System.Int", StringComparison.Ordinal)
                || type.Contains("System.Decimal", StringComparison.Ordinal) || type.Contains("System.Single", StringComparison.Ordinal) => "must be a number, not in quotes",
            _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "must be true or false",
            _ when type.Contains("System.DateOnly", StringComparison.Ordinal) => "must be a date, YYYY-MM-DD",
            _ when type.Contains("System.String", StringComparison.Ordinal) => "must be text",
            _ => null,
        };
        var hint = property?.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), true).OfType<System.ComponentModel.DescriptionAttribute>().FirstOrDefault()?.Description;
        return (expected, hint) switch
        {
            (null, null) => "not the expected value",
            (null, { } h) => $"not the expected value: {h}",
            ({ } e, null) => e,
            ({ } e, { } h) => $"{e}: {h}",
        };
    }

    /// <summary>The property of the endpoint's body type that <paramref name="field"/> (a top-level field, by its wire
    /// name) binds to, or null.</summary>
    private static System.Reflection.PropertyInfo? Property(Endpoint? endpoint, string field) =>
        endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType is { } body && !field.Contains('.', StringComparison.Ordinal)
            ? body.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == field)
            : null;

    /// <summary>404 that says nothing about whether the thing exists for someone else.</summary>
    public static IResult NotFound() => Results.Problem(statusCode: 404, title: "Not found.");

    /// <summary>409 for a request that conflicts with what is stored.</summary>
    public static IResult Conflict(string detail) => Results.Problem(statusCode: 409, title: "Conflict.", detail: detail);
}
