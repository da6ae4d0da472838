using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.Data;
using Replete.Storage.Records;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>Saved assessments with their plans: computed from the stored inputs of a date range, kept as they were shown
/// (stamped with the reference-data version), listed for comparison over time.</summary>
internal static class SnapshotEndpoints
{
    /// <summary>A range to assess: <c>from</c> and <c>to</c> (default: the last <see cref="AthleteReport.DefaultDays"/>
    /// days to today), <c>labs_from</c> (default: any day, <see cref="AthleteReport.DefaultLabsFrom"/>): labs drawn since then count, each judged by its own date,
    /// and an older result of a test is named in <c>labs_left_out</c>.</summary>
    public sealed record SnapshotRequest(DateOnly? From, DateOnly? To, DateOnly? LabsFrom);

    /// <summary>A snapshot in a list; <c>triage</c> is null where the report is withheld from the reader.</summary>
    public sealed record SnapshotSummary(long Id, DateOnly From, DateOnly To, DateTimeOffset CreatedAt, string? Triage, string ReferenceVersion, bool CurrentReferenceData);

    public static RouteGroupBuilder MapSnapshotEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("/snapshots").WithTags("Assessments and plans");
        group.MapGet("", List).Scope(GrantScopes.ReadReports).WithSummary("Saved assessments, newest first");
        group.MapGet("/{id:long}", Get).Scope(GrantScopes.ReadReports).WithSummary("One saved assessment with its plan, as it was made");
        // Saving a snapshot writes to the athlete's record (the report, and the retest reminders its plan starts): a
        // coach needs a scope that writes, annotate (adding to the record without changing what the athlete entered),
        // with the reads the report is made of. Read-only scopes read saved snapshots, never make them.
        group.MapPost("", Create).Scope(GrantScopes.ReadReports | GrantScopes.ReadLogs | GrantScopes.Annotate)
            .WithSummary("Assess a date range from the stored inputs, plan the fix, and save both");
        return athlete;
    }

    private static async Task<IResult> List(HttpContext http, RepleteDb db)
    {
        var access = http.Access();
        // The owner's list needs no views; a coach's reads the triage of the view they see.
        var owner = access.IsOwner;
        var rows = await db.Snapshots.Where(s => s.AccountId == access.AthleteId).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(500)
            .Select(s => new Snapshot { Id = s.Id, From = s.From, To = s.To, CreatedAt = s.CreatedAt, Triage = s.Triage, ReferenceVersion = s.ReferenceVersion, SharedViews = owner ? null : s.SharedViews })
            .ToListAsync();
        return Results.Ok(rows.Select(s => new SnapshotSummary(s.Id, s.From, s.To, s.CreatedAt, owner ? s.Triage : SharedViews.For(s, access).Triage, s.ReferenceVersion,
            s.ReferenceVersion == ReferenceSet.CompiledVersion)));
    }

    private static async Task<IResult> Get(long id, HttpContext http, RepleteDb db)
    {
        var access = http.Access();
        var snapshot = await db.Snapshots.SingleOrDefaultAsync(s => s.Id == id && s.AccountId == access.AthleteId);
        return snapshot is null ? Problems.NotFound() : Results.Text(Shown(snapshot, SharedViews.For(snapshot, access), access).ToJsonString(), "application/json");
    }

    /// <summary>The snapshot as <paramref name="access"/> sees it: the report (or the view without what is not shared
    /// with them, and a note that it is left out) with its id, date and reference data first.</summary>
    private static JsonObject Shown(Snapshot snapshot, SharedViews.Seen seen, AthleteAccess access)
    {
        var report = seen.Report ?? new JsonObject
        {
            ["withheld"] = "This snapshot was saved before Replete kept a report for readers who do not see every class of the athlete's data; "
                + "the athlete can save the range again.",
        };
        report.Insert(0, "id", snapshot.Id);
        report.Insert(1, "created_at", snapshot.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        report.Insert(2, "reference_version", snapshot.ReferenceVersion);
        report.Insert(3, "current_reference_data", snapshot.ReferenceVersion == ReferenceSet.CompiledVersion);
        if (SharedViews.LeftOut(access) is { } leftOut)
        {
            report.Insert(4, "left_out", leftOut);
        }

        return report;
    }

    private static async Task<IResult> Create(SnapshotRequest? request, HttpContext http, RepleteDb db, ServerFoods foods, TimeProvider clock)
    {
        var access = http.Access();
        Documents.RequirePlausible(("from", request?.From), ("to", request?.To), ("labs_from", request?.LabsFrom));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = request?.To ?? today;
        var from = request?.From ?? to.AddDays(1 - AthleteReport.DefaultDays);
        if (from > to)
        {
            return Problems.Field("from", "must be on or before to");
        }

        if (to.DayNumber - from.DayNumber > 366)
        {
            return Problems.Field("from", "a range covers at most a year; assess longer spans as several snapshots");
        }

        var (full, views) = await new AthleteReport(db, foods).ComputeAsync(access.AthleteId, from, to, request?.LabsFrom ?? AthleteReport.DefaultLabsFrom);
        var snapshot = new Snapshot
        {
            AccountId = access.AthleteId,
            From = from,
            To = to,
            CreatedAt = clock.GetUtcNow(),
            ReferenceVersion = ReferenceSet.CompiledVersion,
            Triage = full.TriageName,
            Report = full.Report.ToJsonString(),
            SharedViews = SharedViews.Write(views),
            CreatedBy = access.ActorId,
        };
        db.Snapshots.Add(snapshot);
        await db.SaveChangesAsync();
        http.Created(snapshot.Id);
        await ReminderEndpoints.AddForAsync(db, access.AthleteId, snapshot, full.Retests);
        var seen = SharedViews.For(snapshot, access);
        var shown = Shown(snapshot, seen, access);
        // Where no source gives an interval the person sets one (POST reminders); the report says which.
        shown["retest_unsourced"] = new JsonArray([.. (seen.RetestUnsourced ?? full.Unsourced).Select(n => (JsonNode)n)]);
        return Results.Created($"snapshots/{snapshot.Id}", shown);
    }
}
