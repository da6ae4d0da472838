using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Replete.Documents;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>Diet imports: the upload goes to the API's import endpoint as the page received it (streamed to a temporary
/// file there, all or nothing, with the CLI's problems list).</summary>
[RequestSizeLimit(InputLimits.MaximumDietFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = InputLimits.MaximumDietFileBytes)]
public sealed class ImportModel : WebPage
{
    public IReadOnlyList<JsonNode> Imports { get; private set; } = [];

    public JsonNode? Imported { get; private set; }

    public async Task OnGetAsync() => Imports = [.. Shown.Items((await GetAsync("/api/v1/athletes/me/imports")).Body)];

    public async Task<IActionResult> OnPostAsync()
    {
        var answer = await SendAsync(HttpMethods.Post, "/api/v1/athletes/me/imports", forwardForm: true);
        if (answer.Ok)
        {
            Imported = answer.Body;
        }
        else
        {
            Response.StatusCode = answer.Status;
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id)
    {
        if ((await SendAsync(HttpMethods.Delete, $"/api/v1/athletes/me/imports/{id}")).Ok)
        {
            Done = "Import removed, with every row it brought.";
        }

        return Redirect("/import");
    }
}
