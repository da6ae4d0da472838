using Microsoft.EntityFrameworkCore;
using Replete.Planning;
using Replete.Storage.Records;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>Retest reminders: made when a saved plan starts a fix whose retest interval has a source, or set by the
/// person where none does (and marked so); listed by due date.</summary>
internal static class ReminderEndpoints
{
    /// <summary>A reminder the person sets: what to retest (a biomarker or nutrient id), when, and why.</summary>
    public sealed record ReminderBody(string What, DateOnly Due, string? Note);

    /// <summary>A reminder as listed.</summary>
    public sealed record ReminderView(long Id, string What, DateOnly Due, string Basis, bool SetByPerson, long? SnapshotId, DateTimeOffset? DoneAt, bool IsDue);

    public static RouteGroupBuilder MapReminderEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("/reminders").WithTags("Reminders");
        group.MapGet("", List).Scope(GrantScopes.ReadReports).WithSummary("Retest reminders, soonest first (?due=true for those due today or before, not done)");
        group.MapPost("", Add).WithSummary("Set a retest where no source gives an interval; it is marked as set by the person");
        group.MapPost("/{id:long}/done", async (long id, HttpContext http, RepleteDb db, TimeProvider clock) =>
        {
            var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.Id == id && r.AccountId == http.Access().AthleteId);
            if (reminder is null)
            {
                return Problems.NotFound();
            }

            reminder.DoneAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync();
            return Results.NoContent();
        }).WithSummary("Mark a retest done");
        return athlete;
    }

    /// <summary>Adds a reminder for each sourced retest of a saved snapshot, unless one for the same biomarker is open.</summary>
    public static async Task AddForAsync(RepleteDb db, string athleteId, Snapshot snapshot, IReadOnlyList<RetestPlan> retests)
    {
        var open = (await db.Reminders.Where(r => r.AccountId == athleteId && r.DoneAt == null).Select(r => r.What).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        foreach (var retest in retests.Where(r => r.Interval is not null))
        {
            var interval = retest.Interval!;
            if (open.Add(interval.Biomarker))
            {
                db.Reminders.Add(new RetestReminder
                {
                    AccountId = athleteId,
                    SnapshotId = snapshot.Id,
                    What = interval.Biomarker,
                    Due = snapshot.To.AddDays(interval.Days),
                    Basis = $"{interval.Retest} ({interval.Source})",
                });
            }
        }

        await db.SaveChangesAsync();
    }

    private static async Task<IResult> List(HttpContext http, RepleteDb db, TimeProvider clock, bool? due)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = db.Reminders.Where(r => r.AccountId == http.Access().AthleteId);
        if (due == true)
        {
            query = query.Where(r => r.DoneAt == null && r.Due <= today);
        }

        var reminders = await query.OrderBy(r => r.Due).ThenBy(r => r.Id).Take(1000).ToListAsync();
        var access = http.Access();
        if (!access.IsOwner)
        {
            // A coach sees a reminder a snapshot made only when the snapshot as they see it (SharedViews) calls for that
            // retest: a ferritin retest that only a pregnancy's plan starts would tell of the pregnancy.
            var ids = reminders.Where(r => r.SnapshotId is not null).Select(r => r.SnapshotId!.Value).Distinct().ToList();
            var seen = (await db.Snapshots.Where(s => s.AccountId == access.AthleteId && ids.Contains(s.Id)).ToListAsync())
                .ToDictionary(s => s.Id, s => SharedViews.For(s, access).Retests);
            reminders = [.. reminders.Where(r => r.SnapshotId is not { } snapshot || (seen.GetValueOrDefault(snapshot) is not { } retests || retests.Contains(r.What)))];
        }

        return Results.Ok(reminders.Select(r => new ReminderView(r.Id, r.What, r.Due, r.Basis, r.SetByPerson, r.SnapshotId, r.DoneAt, r.DoneAt is null && r.Due <= today)));
    }

    private static async Task<IResult> Add(ReminderBody body, HttpContext http, RepleteDb db, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(body.What) || body.What.Length > 100)
        {
            return Problems.Field("what", "a biomarker or nutrient id (at most 100 characters)");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (body.Due < today || body.Due > today.AddYears(2))
        {
            return Problems.Field("due", "a day from today to two years ahead");
        }

        if (body.Note is { Length: > 500 })
        {
            return Problems.Field("note", "at most 500 characters");
        }

        var reminder = new RetestReminder
        {
            AccountId = http.Access().AthleteId,
            What = body.What.Trim(),
            Due = body.Due,
            SetByPerson = true,
            Basis = "set by you: no source gives a retest interval for this" + (body.Note is { Length: > 0 } note ? $" ({note.Trim()})" : ""),
        };
        db.Reminders.Add(reminder);
        await db.SaveChangesAsync();
        return Results.Created($"reminders/{reminder.Id}", new ReminderView(reminder.Id, reminder.What, reminder.Due, reminder.Basis, true, null, null, false));
    }
}
