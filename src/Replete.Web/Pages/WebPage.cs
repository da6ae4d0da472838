using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Replete.Web.WebApp;

namespace Replete.Web.Pages;

/// <summary>What every page has: the in-process API and the problems of the last refusal, shown by
/// <c>_Problems</c>.</summary>
public abstract class WebPage : PageModel
{
    internal InProcessApi Api => HttpContext.RequestServices.GetRequiredService<InProcessApi>();

    /// <summary>Problems to show at the top of the form (field path, message).</summary>
    public IReadOnlyList<(string Path, string Message)> Problems { get; protected set; } = [];

    /// <summary>A message to show after something worked.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Sends to the API and keeps its problems when it refuses.</summary>
    internal async Task<ApiAnswer> SendAsync(string method, string path, object? body = null, bool forwardForm = false)
    {
        var answer = await Api.SendAsync(HttpContext, method, path, body, forwardForm);
        if (!answer.Ok)
        {
            Problems = answer.Problems;
        }

        return answer;
    }

    /// <summary>GET from the API.</summary>
    internal Task<ApiAnswer> GetAsync(string path) => Api.GetAsync(HttpContext, path);

    /// <summary>Today in UTC, as the server's endpoints count days.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
