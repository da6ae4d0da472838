using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Replete.Storage.Records;

namespace Replete.Web.Sharing;

/// <summary>Who is acting on whose data: the athlete themself, or a coach through a grant in force.</summary>
/// <param name="AthleteId">Whose data.</param>
/// <param name="ActorId">Who acts.</param>
/// <param name="Grant">The grant a coach acts through; null for the athlete.</param>
public sealed record AthleteAccess(string AthleteId, string ActorId, CoachGrant? Grant)
{
    /// <summary>The athlete acts on their own data.</summary>
    public bool IsOwner => Grant is null;

    /// <summary>Sensitive classes the actor may see: all for the athlete, the grant's for a coach.</summary>
    public SharedClasses Shared => Grant?.Shared ?? AllClasses;

    /// <summary>Every sensitive class: what the athlete sees of their own data.</summary>
    public const SharedClasses AllClasses = SharedClasses.MenstrualHistory | SharedClasses.Pregnancy | SharedClasses.Medications;
}

/// <summary>Marks an endpoint under <c>/athletes/{athleteId}</c> with the scope a coach needs; an endpoint without one is
/// the athlete's alone.</summary>
/// <param name="Scope">The scope.</param>
public sealed record RequiresScope(GrantScopes Scope);

/// <summary>Decides every request under <c>/athletes/{athleteId}</c> (<c>me</c> is the signed-in account): the athlete
/// always; a coach only through a grant in force that carries the endpoint's scope; anyone else gets 404, as if the
/// athlete did not exist. Every delegate request through a grant in force is written to the audit log before it runs (one
/// the grant's scopes do not cover as "refused", answered 403), with the record it reads or writes where there is one (the route's <c>{id}</c>, or what the handler says it created).</summary>
internal sealed class AthleteAccessFilter(RepleteDb db, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var actor = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (actor is null)
        {
            return Results.Unauthorized();
        }

        var requested = http.Request.RouteValues["athleteId"] as string;
        var athleteId = requested is null or "me" ? actor : requested;
        if (athleteId == actor)
        {
            http.Items[typeof(AthleteAccess)] = new AthleteAccess(actor, actor, null);
            return await next(context);
        }

        var scope = http.GetEndpoint()?.Metadata.GetMetadata<RequiresScope>()?.Scope;
        var now = clock.GetUtcNow();
        var grants = await db.Grants.Where(g => g.AthleteId == athleteId && g.CoachId == actor && g.RevokedAt == null).ToListAsync();
        var grant = grants.FirstOrDefault(g => g.InForce(now));
        if (grant is null)
        {
            return Problems.NotFound();
        }

        var write = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        var refused = scope is not { } needed || (grant.Scopes & needed) != needed;
        var entry = new AuditEntry
        {
            AthleteId = athleteId,
            ActorId = actor,
            At = now,
            Action = refused ? "refused" : write ? "write" : "read",
            Resource = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}",
            RecordId = long.TryParse(http.Request.RouteValues["id"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null,
        };
        db.Audit.Add(entry);
        await db.SaveChangesAsync();
        if (refused)
        {
            // A delegate's attempt beyond the grant is on record too (tester h73: only what was let through was).
            return Results.Problem(statusCode: 403, title: "Not shared.", detail: "The athlete has not shared this with you.");
        }

        http.Items[typeof(AthleteAccess)] = new AthleteAccess(athleteId, actor, grant);
        var result = await next(context);
        if (entry.RecordId is null && http.Items[CreatedKey] is long created)
        {
            // The entry was written before the handler ran, so a failing handler is on record too; what it made is added.
            await db.Audit.Where(a => a.Id == entry.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.RecordId, created));
        }

        return result;
    }

    /// <summary>Where a handler leaves the id of the record it created (<see cref="AthleteAccessExtensions.Created"/>).</summary>
    internal static readonly object CreatedKey = new();
}

/// <summary>Reads the access the filter decided.</summary>
internal static class AthleteAccessExtensions
{
    public static AthleteAccess Access(this HttpContext context) =>
        context.Items[typeof(AthleteAccess)] as AthleteAccess ?? throw new InvalidOperationException("No athlete access was decided for this endpoint.");

    /// <summary>Names the record the request created, for the audit log of a delegate's request.</summary>
    public static void Created(this HttpContext context, long recordId) => context.Items[AthleteAccessFilter.CreatedKey] = recordId;

    /// <summary>Marks the scope a coach needs for an endpoint.</summary>
    public static RouteHandlerBuilder Scope(this RouteHandlerBuilder builder, GrantScopes scope) => builder.WithMetadata(new RequiresScope(scope));
}
