using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Knowledge;

namespace Replete.Web.Pages;

/// <summary>A check-in: red flags first, then symptoms and risk factors in the knowledge base's words, through the API's
/// check-in endpoint, which answers with the triage at once.</summary>
public sealed class CheckInModel : WebPage
{
    public string Date { get; private set; } = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public JsonNode? Result { get; private set; }

    /// <summary>Every symptom the knowledge base knows (links and plain terms), once each.</summary>
    public IReadOnlyList<(string Id, string Label)> Symptoms { get; } = [.. KnowledgeBase.Default.Symptoms.Select(s => (s.SymptomId, s.Label))
        .Concat(KnowledgeBase.Default.Terms.Where(t => t.Kind == KnowledgeIdKind.Symptom).Select(t => (t.Id, t.Label))).DistinctBy(s => s.Item1)];

    /// <summary>Every risk factor the knowledge base knows, once each.</summary>
    public IReadOnlyList<(string Id, string Label)> RiskFactors { get; } = [.. KnowledgeBase.Default.RiskFactors.Select(r => (r.RiskId, r.Label))
        .Concat(KnowledgeBase.Default.Terms.Where(t => t.Kind == KnowledgeIdKind.RiskFactor).Select(t => (t.Id, t.Label))).DistinctBy(r => r.Item1)];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? date, string[]? redFlags, string[]? symptoms, string[]? riskFactors, string? words)
    {
        Date = date ?? Date;
        var said = (words ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        static JsonArray List(IEnumerable<string> ids) => new([.. ids.Select(i => (JsonNode)i)]);
        var body = new JsonObject
        {
            ["date"] = date,
            ["red_flags"] = List(redFlags ?? []),
            ["symptoms"] = List((symptoms ?? []).Concat(said)),
            ["risk_factors"] = List(riskFactors ?? []),
        };
        var answer = await SendAsync(HttpMethods.Post, "/api/v1/athletes/me/check-ins", body);
        Result = answer.Ok ? answer.Body : null;
        return Page();
    }
}
