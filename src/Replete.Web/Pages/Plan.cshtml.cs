using System.Text.Json.Nodes;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>The plan of the latest saved assessment, laid out to print (the print style sheet hides the navigation).</summary>
public sealed class PlanModel : WebPage
{
    public JsonNode? Report { get; private set; }

    public async Task OnGetAsync()
    {
        var latest = Shown.Items((await GetAsync("/api/v1/athletes/me/snapshots")).Body).FirstOrDefault();
        if (latest is not null)
        {
            Report = (await GetAsync($"/api/v1/athletes/me/snapshots/{latest["id"]}")).Body;
        }
    }
}
