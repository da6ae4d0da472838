using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Replete.Storage.Records;

namespace Replete.Web.Sharing;

/// <summary>Sharing between athletes and coaches: invitations either way (single use, shown once, expiring within 7 days),
/// grants with scopes and an optional end, revoked at once by the athlete; a coach's roster; notes.</summary>
internal static class SharingEndpoints
{
    /// <summary>Days an invitation lasts: 7 (Cronometer's practitioner invitation, plan-facts.md section 4).</summary>
    public const int InvitationDays = 7;

    /// <summary>A new invitation: the scopes the grant will carry, the sensitive classes shared (an athlete's only), and
    /// when the grant ends (optional).</summary>
    public sealed record InvitationRequest(IReadOnlyList<GrantScopes>? Scopes, IReadOnlyList<SharedClasses>? Shared, DateTimeOffset? GrantEndsAt);

    /// <summary>The code, shown once: give it to the other person (no e-mail is sent).</summary>
    public sealed record InvitationCode(string Code, string AcceptPath, DateTimeOffset ExpiresAt);

    /// <summary>Accepting an invitation; an athlete accepting a coach's invitation may narrow its scopes.</summary>
    public sealed record Acceptance(string Code, IReadOnlyList<GrantScopes>? Scopes);

    /// <summary>A change to a grant by its athlete.</summary>
    public sealed record GrantChange(IReadOnlyList<GrantScopes>? Scopes, IReadOnlyList<SharedClasses>? Shared, DateTimeOffset? EndsAt);

    /// <summary>A grant as either side sees it.</summary>
    public sealed record GrantView(long Id, string AthleteId, string Athlete, string CoachId, string Coach, IReadOnlyList<GrantScopes> Scopes,
        IReadOnlyList<SharedClasses> Shared, DateTimeOffset GrantedAt, DateTimeOffset? EndsAt, DateTimeOffset? RevokedAt, bool InForce);

    /// <summary>A note: its text, the snapshot it is about (optional), and, for the athlete's own notes, the sensitive
    /// classes it speaks of (a coach who does not see all of them does not see the note). A coach's note takes the classes
    /// the coach's grant shares, so it never reaches a coach who does not see them.</summary>
    public sealed record NoteBody(string Text, long? SnapshotId, IReadOnlyList<SharedClasses>? About);

    /// <summary>A note as listed; <c>about</c> names the sensitive classes it may speak of.</summary>
    public sealed record NoteView(long Id, string AuthorId, long? SnapshotId, DateTimeOffset At, string Text, IReadOnlyList<SharedClasses> About);

    public static RouteGroupBuilder MapSharingEndpoints(this RouteGroupBuilder api)
    {
        var sharing = api.MapGroup("").WithTags("Sharing").RequireAuthorization();
        sharing.MapPost("/invitations", Invite).WithSummary("Invite a coach (as an athlete) or an athlete (as a coach); the code is shown once");
        sharing.MapPost("/invitations/accept", Accept).WithSummary("Accept an invitation by its code");
        sharing.MapGet("/grants", Grants).WithSummary("An athlete's grants to coaches, or a coach's roster");
        sharing.MapPatch("/grants/{id:long}", Change).WithSummary("Change a grant's scopes, shared classes or end (the athlete)");
        sharing.MapDelete("/grants/{id:long}", Revoke).WithSummary("Revoke a grant at once (the athlete), or leave an athlete (the coach); no data is deleted");
        sharing.MapGet("/roster", Roster).WithSummary("A coach's athletes with grants in force");
        sharing.MapPost("/athletes/{athleteId}/notes", AddNote).AddEndpointFilter<AthleteAccessFilter>().Scope(GrantScopes.Annotate)
            .WithSummary("Write a note on an athlete's record");
        sharing.MapGet("/athletes/{athleteId}/notes", Notes).AddEndpointFilter<AthleteAccessFilter>().Scope(GrantScopes.ReadReports)
            .WithSummary("Notes on an athlete's record");
        return api;
    }

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static GrantScopes Flags(IReadOnlyList<GrantScopes>? scopes) => scopes?.Aggregate(GrantScopes.None, (a, s) => a | s) ?? GrantScopes.None;

    private static SharedClasses Flags(IReadOnlyList<SharedClasses>? shared) => shared?.Aggregate(SharedClasses.None, (a, s) => a | s) ?? SharedClasses.None;

    private static IReadOnlyList<T> List<T>(T flags)
        where T : struct, Enum => [.. Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && flags.HasFlag(v))];

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code.Trim())));

    private static async Task<IResult> Invite(InvitationRequest request, ClaimsPrincipal user, RepleteDb db, TimeProvider clock)
    {
        var me = await db.Users.FindAsync(Me(user));
        if (me is null)
        {
            return Results.Unauthorized();
        }

        var now = clock.GetUtcNow();
        if (request.GrantEndsAt is { } ends && ends <= now)
        {
            return Problems.Field("grant_ends_at", "must be in the future");
        }

        var fromAthlete = me.Kind == AccountKind.Athlete;
        if (!fromAthlete && Flags(request.Shared) != SharedClasses.None)
        {
            return Problems.Field("shared", "only the athlete turns on sensitive data classes");
        }

        // 128 bits from the system's generator, as letters and digits (no look-alikes): a code no one can guess.
        var code = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 26);
        var invitation = new Invitation
        {
            CodeHash = Hash(code),
            FromId = me.Id,
            FromAthlete = fromAthlete,
            Scopes = Flags(request.Scopes) == GrantScopes.None ? GrantScopes.ReadReports : Flags(request.Scopes),
            Shared = Flags(request.Shared),
            GrantEndsAt = request.GrantEndsAt,
            ExpiresAt = now.AddDays(InvitationDays),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return Results.Ok(new InvitationCode(code, "/api/v1/invitations/accept", invitation.ExpiresAt));
    }

    private static async Task<IResult> Accept(Acceptance acceptance, ClaimsPrincipal user, RepleteDb db, TimeProvider clock)
    {
        var me = await db.Users.FindAsync(Me(user));
        if (me is null)
        {
            return Results.Unauthorized();
        }

        var now = clock.GetUtcNow();
        var hash = Hash(acceptance.Code ?? "");
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.CodeHash == hash);
        if (invitation is null || invitation.UsedAt is not null || invitation.ExpiresAt <= now || invitation.FromId == me.Id)
        {
            return Results.Problem(statusCode: 404, title: "No such invitation.", detail: "The code is wrong, used or expired (invitations last 7 days).");
        }

        var (athlete, coach) = invitation.FromAthlete ? (invitation.FromId, me.Id) : (me.Id, invitation.FromId);
        if (invitation.FromAthlete ? me.Kind != AccountKind.Coach : me.Kind != AccountKind.Athlete)
        {
            return Results.Problem(statusCode: 409, title: "Wrong kind of account.",
                detail: invitation.FromAthlete ? "An athlete's invitation is for a coach account." : "A coach's invitation is for an athlete account.");
        }

        var scopes = invitation.Scopes;
        if (!invitation.FromAthlete && acceptance.Scopes is { Count: > 0 })
        {
            scopes &= Flags(acceptance.Scopes);
        }

        // Claim the invitation in one conditional update, so two people accepting at once cannot both succeed.
        if (await db.Invitations.Where(i => i.Id == invitation.Id && i.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAt, now)) != 1)
        {
            return Results.Problem(statusCode: 404, title: "No such invitation.", detail: "The code is wrong, used or expired (invitations last 7 days).");
        }

        foreach (var old in await db.Grants.Where(g => g.AthleteId == athlete && g.CoachId == coach && g.RevokedAt == null).ToListAsync())
        {
            old.RevokedAt = now;
        }

        var grant = new CoachGrant { AthleteId = athlete, CoachId = coach, Scopes = scopes, Shared = invitation.Shared, GrantedAt = now, EndsAt = invitation.GrantEndsAt };
        db.Grants.Add(grant);
        await db.SaveChangesAsync();
        return Results.Ok(await ViewAsync(db, grant, now));
    }

    private static async Task<GrantView> ViewAsync(RepleteDb db, CoachGrant grant, DateTimeOffset now)
    {
        var names = await db.Users.Where(u => u.Id == grant.AthleteId || u.Id == grant.CoachId).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return View(grant, names, now);
    }

    private static GrantView View(CoachGrant g, IReadOnlyDictionary<string, string> names, DateTimeOffset now) =>
        new(g.Id, g.AthleteId, names.GetValueOrDefault(g.AthleteId, ""), g.CoachId, names.GetValueOrDefault(g.CoachId, ""), List(g.Scopes), List(g.Shared),
            g.GrantedAt, g.EndsAt, g.RevokedAt, g.InForce(now));

    private static async Task<IResult> Grants(ClaimsPrincipal user, RepleteDb db, TimeProvider clock)
    {
        var me = Me(user);
        var grants = await db.Grants.Where(g => g.AthleteId == me || g.CoachId == me).OrderByDescending(g => g.Id).Take(1000).ToListAsync();
        var ids = grants.SelectMany(g => new[] { g.AthleteId, g.CoachId }).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var now = clock.GetUtcNow();
        return Results.Ok(grants.Select(g => View(g, names, now)));
    }

    private static async Task<IResult> Roster(ClaimsPrincipal user, RepleteDb db, TimeProvider clock)
    {
        var me = Me(user);
        var now = clock.GetUtcNow();
        var grants = (await db.Grants.Where(g => g.CoachId == me && g.RevokedAt == null).ToListAsync()).Where(g => g.InForce(now)).ToList();
        var ids = grants.Select(g => g.AthleteId).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return Results.Ok(grants.Select(g => View(g, names, now)));
    }

    private static async Task<IResult> Change(long id, GrantChange change, ClaimsPrincipal user, RepleteDb db, TimeProvider clock)
    {
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == id && g.AthleteId == Me(user));
        var now = clock.GetUtcNow();
        if (grant is null || grant.RevokedAt is not null)
        {
            return Problems.NotFound();
        }

        if (change.Scopes is not null)
        {
            grant.Scopes = Flags(change.Scopes);
        }

        if (change.Shared is not null)
        {
            grant.Shared = Flags(change.Shared);
        }

        if (change.EndsAt is { } ends)
        {
            grant.EndsAt = ends;
        }

        await db.SaveChangesAsync();
        return Results.Ok(await ViewAsync(db, grant, now));
    }

    private static async Task<IResult> Revoke(long id, ClaimsPrincipal user, RepleteDb db, TimeProvider clock)
    {
        var me = Me(user);
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == id && (g.AthleteId == me || g.CoachId == me));
        if (grant is null)
        {
            return Problems.NotFound();
        }

        grant.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        return Results.NoContent();
    }

    private static async Task<IResult> AddNote(NoteBody note, HttpContext http, RepleteDb db, TimeProvider clock)
    {
        var access = http.Access();
        if (string.IsNullOrWhiteSpace(note.Text) || note.Text.Length > 4000 || !Athletes.Documents.Displayable(note.Text, lines: true))
        {
            return Problems.Field("text", "1-4,000 characters, without control or direction characters (line breaks are fine)");
        }

        if (!access.IsOwner && note.About is { Count: > 0 })
        {
            return Problems.Field("about", "only the athlete names what a note is about; a coach's note is about what the coach's grant shares");
        }

        if (note.SnapshotId is { } snapshot && !await db.Snapshots.AnyAsync(s => s.Id == snapshot && s.AccountId == access.AthleteId))
        {
            return Problems.Field("snapshot_id", "is not a snapshot of this athlete");
        }

        // What a note may speak of: what its writer could see. Free text cannot be filtered word by word, so a note a
        // coach wrote knowing a pregnancy goes only to readers who also see pregnancy.
        var classes = access.IsOwner ? Flags(note.About) & AthleteAccess.AllClasses : access.Shared;
        var row = new Annotation { AthleteId = access.AthleteId, AuthorId = access.ActorId, SnapshotId = note.SnapshotId, At = clock.GetUtcNow(), Text = note.Text, Classes = classes };
        db.Annotations.Add(row);
        await db.SaveChangesAsync();
        http.Created(row.Id);
        return Results.Created($"notes/{row.Id}", new NoteView(row.Id, row.AuthorId, row.SnapshotId, row.At, row.Text, List(row.Classes)));
    }

    private static async Task<IResult> Notes(HttpContext http, RepleteDb db)
    {
        var access = http.Access();
        var shared = access.Shared;
        var notes = await db.Annotations.Where(a => a.AthleteId == access.AthleteId && (a.Classes & shared) == a.Classes).OrderByDescending(a => a.Id).Take(1000).ToListAsync();
        return Results.Ok(notes.Select(n => new NoteView(n.Id, n.AuthorId, n.SnapshotId, n.At, n.Text, List(n.Classes))));
    }
}
