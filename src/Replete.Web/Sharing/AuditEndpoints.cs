using Microsoft.EntityFrameworkCore;
using Replete.Storage.Records;

namespace Replete.Web.Sharing;

/// <summary>The athlete's own audit log: every read and write of their data by a coach.</summary>
internal static class AuditEndpoints
{
    /// <summary>One entry, with the actor's display name and the record read or written where there is one.</summary>
    public sealed record AuditView(DateTimeOffset At, string ActorId, string Actor, string Action, string Resource, long? RecordId);

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder athlete)
    {
        athlete.MapGet("/audit", async (HttpContext http, RepleteDb db) =>
        {
            var access = http.Access();
            if (!access.IsOwner)
            {
                return Problems.NotFound();
            }

            var entries = await db.Audit.Where(a => a.AthleteId == access.AthleteId).OrderByDescending(a => a.Id).Take(1000).ToListAsync();
            var actors = entries.Select(e => e.ActorId).Distinct().ToList();
            var names = await db.Users.Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            return Results.Ok(entries.Select(e => new AuditView(e.At, e.ActorId, names.GetValueOrDefault(e.ActorId, "(account removed)"), e.Action, e.Resource, e.RecordId)));
        }).WithTags("Sharing").WithSummary("Who read or wrote this athlete's data (the athlete only)");
        return athlete;
    }
}
