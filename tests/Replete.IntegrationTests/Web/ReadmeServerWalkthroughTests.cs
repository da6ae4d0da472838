using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>The README's server walk-through, replayed request by request against the real server as a new user would
/// type it (h91: it set no profile and no body mass, so the snapshot it ended on could not read an athlete's protein or
/// carbohydrate, which are per kg). <c>@servings.csv</c> is the runner example's food log, whose days the walk-through's
/// range covers.</summary>
[Collection(Sr28Group.Name)]
public sealed partial class ReadmeServerWalkthroughTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    [GeneratedRegex(@"curl -s -X(?<method>[A-Z]+) '?(?<url>localhost:5080[^ ']+)'?(?<rest>.*)")]
    private static partial Regex Curl();

    [GeneratedRegex(@"-d '(?<body>[^']*)'")]
    private static partial Regex Body();

    [SkippableFact]
    public async Task TheWalkthrough_EndsOnASnapshotThatKnowsTheBodyMass()
    {
        var readme = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "README.md"));
        var block = Regex.Match(readme, "```bash\n(?<lines>curl -s -XPOST localhost:5080/api/v1/account/register.*?)```", RegexOptions.Singleline).Groups["lines"].Value;
        var commands = block.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var client = server.CreateClient();
        string? token = null;
        var paths = new List<string>();
        foreach (var command in commands)
        {
            var curl = Curl().Match(command);
            Assert.True(curl.Success, command);
            var path = curl.Groups["url"].Value["localhost:5080".Length..];
            paths.Add($"{curl.Groups["method"].Value} {path.Split('?')[0]}");
            using var request = new HttpRequestMessage(new HttpMethod(curl.Groups["method"].Value), path);
            if (Body().Match(curl.Groups["rest"].Value) is { Success: true } body)
            {
                request.Content = new StringContent(body.Groups["body"].Value, Encoding.UTF8, "application/json");
            }
            else if (curl.Groups["rest"].Value.Contains("--data-binary @servings.csv", StringComparison.Ordinal))
            {
                request.Content = new StringContent(File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-food-log.csv")), Encoding.UTF8, "text/csv");
            }

            if (curl.Groups["rest"].Value.Contains("$TOKEN", StringComparison.Ordinal))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{command}\n{(int)response.StatusCode}: {text}");
            token = (text.Length > 0 && JsonNode.Parse(text) is JsonObject answer ? (string?)answer["access_token"] : null) ?? token;
            if (path.EndsWith("/snapshots", StringComparison.Ordinal))
            {
                Assert.Contains("PUT /api/v1/athletes/me/profile", paths);
                Assert.Contains("POST /api/v1/athletes/me/body-mass", paths);
                Assert.DoesNotContain("no body mass", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("athlete_range_unknown", text, StringComparison.Ordinal);
            }
        }

        Assert.EndsWith("POST /api/v1/athletes/me/snapshots", paths[^1], StringComparison.Ordinal);
    }
}
