using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Replete.Documents;
using Replete.References;
using Replete.Storage.Records;
using Replete.Web.Sharing;

namespace Replete.Web.Athletes;

/// <summary>The athlete's profile (date of birth, sex, sport, diet ...) and body-mass history.</summary>
internal static class ProfileEndpoints
{
    /// <summary>The profile as the API shows and takes it: the engine's profile fields without <c>age</c> and
    /// <c>body_mass_kg</c>, plus <c>date_of_birth</c>.</summary>
    public sealed record ProfileBody(DateOnly DateOfBirth, string Sex, bool? Pregnant, bool? Lactating, string? Sport, double? TrainingHoursPerWeek,
        string? Diet, IReadOnlyList<string>? Avoid, double? SweatRateLPerH, double? SweatSodiumMmolL);

    /// <summary>One weighing.</summary>
    public sealed record BodyMassBody(DateOnly Date, double Kilograms);

    private static readonly string[] DerivedFields = ["age", "body_mass_kg"];

    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder athlete)
    {
        var group = athlete.MapGroup("").WithTags("Profile");
        group.MapGet("/profile", Get).Scope(GrantScopes.ReadLogs).WithSummary("The profile");
        group.MapPut("/profile", Put).Scope(GrantScopes.EditTargets).Accepts<ProfileBody>("application/json")
            .WithSummary("Set the profile (checked by the engine's profile rules)");
        group.MapGet("/body-mass", async (HttpContext http, RepleteDb db) =>
            Results.Ok(await db.BodyMasses.Where(b => b.AccountId == http.Access().AthleteId).OrderBy(b => b.Date)
                .Select(b => new BodyMassBody(b.Date, b.Kilograms)).ToListAsync()))
            .Scope(GrantScopes.ReadLogs).WithSummary("Body-mass history");
        group.MapPost("/body-mass", AddBodyMass).WithSummary("Add a weighing");
        return athlete;
    }

    private static async Task<IResult> Get(HttpContext http, RepleteDb db)
    {
        var access = http.Access();
        var profile = await db.Profiles.FindAsync(access.AthleteId);
        return profile is null ? Problems.NotFound() : Results.Text(Shown(profile, access).ToJsonString(), "application/json");
    }

    private static JsonObject Shown(AthleteProfile profile, AthleteAccess access)
    {
        var document = SensitiveData.Hide(JsonNode.Parse(profile.Document)!.AsObject(), access.Shared);
        document.Insert(0, "date_of_birth", profile.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return document;
    }

    private static async Task<IResult> Put(HttpContext http, RepleteDb db, TimeProvider clock)
    {
        var access = http.Access();
        var body = await Documents.ReadObjectAsync(http.Request, "profile");
        var birth = Documents.Date(body, "date_of_birth", "profile", required: true)!.Value;
        body.Remove("date_of_birth");
        var problems = new List<InputProblem>();
        foreach (var derived in DerivedFields.Where(body.ContainsKey))
        {
            problems.Add(new InputProblem("profile", null, derived, InputProblemCodes.UnknownField,
                derived == "age" ? "age comes from date_of_birth" : "body mass is kept as a history: POST it to body-mass"));
            body.Remove(derived);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var existing = await db.Profiles.FindAsync(access.AthleteId);
        if (!access.IsOwner && existing is null)
        {
            // Edit-targets changes sport, training hours and diet of a profile the athlete made, nothing more.
            return Results.Problem(statusCode: 409, title: "No profile yet.", detail: "The athlete makes their profile first.");
        }

        if (!access.IsOwner && existing is not null)
        {
            // A coach with edit-targets changes only what sets targets; the rest stays the athlete's.
            var kept = JsonNode.Parse(existing.Document)!.AsObject();
            foreach (var field in new[] { "sport", "training_hours_per_week", "diet" })
            {
                kept.Remove(field);
                if (body[field] is { } value)
                {
                    kept[field] = value.DeepClone();
                }
            }

            body = kept;
            birth = existing.DateOfBirth;
        }

        var check = (JsonObject)body.DeepClone();
        check["age"] = Age(birth, today);
        using (var source = Documents.Source(check, "profile"))
        {
            var read = Profile.Read(source);
            problems.AddRange(read.Problems);
            if (read.Value?.ToPerson() is { IsValid: false } person)
            {
                problems.AddRange(person.Problems);
            }
        }

        if (birth > today)
        {
            problems.Add(new InputProblem("profile", null, "date_of_birth", InputProblemCodes.OutOfRange, "is in the future"));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        if (existing is null)
        {
            existing = new AthleteProfile { AccountId = access.AthleteId };
            db.Profiles.Add(existing);
        }

        existing.DateOfBirth = birth;
        existing.Document = body.ToJsonString();
        existing.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        return Results.Text(Shown(existing, access).ToJsonString(), "application/json");
    }

    private static async Task<IResult> AddBodyMass(BodyMassBody body, HttpContext http, RepleteDb db)
    {
        Documents.RequirePast("date", body.Date, "you were weighed");
        var limit = InputLimits.BodyMassKg;
        if (limit.Check(body.Kilograms) is { } why)
        {
            return Problems.Field("kilograms", why);
        }

        db.BodyMasses.Add(new BodyMass { AccountId = http.Access().AthleteId, Date = body.Date, Kilograms = body.Kilograms });
        await db.SaveChangesAsync();
        return Results.Created();
    }

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="on"/>.</summary>
    public static int Age(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? 1 : 0);
}
