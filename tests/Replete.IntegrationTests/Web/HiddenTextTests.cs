using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>h91 (attacker pass): stored text (a food name, a note, a reminder, a supplement's name) took zero-width and
/// direction characters, so "spinach\u200B" was stored as a food that looks like spinach and is not. Every text field
/// is now read by the rule the command line escapes them by (the engine's HiddenText): 400 naming the field.</summary>
[Collection(Sr28Group.Name)]
public sealed class HiddenTextTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    [SkippableTheory]
    [InlineData("POST", "/api/v1/athletes/me/food-log", "{\"date\":\"2026-11-01\",\"food\":\"spinach\\u200B\",\"amount\":\"100 g\"}", "food", "U+200B")]
    [InlineData("POST", "/api/v1/athletes/me/food-log", "{\"date\":\"2026-11-01\",\"food\":\"spinach\",\"meal\":\"lunch\\u200E\",\"amount\":\"100 g\"}", "meal", "U+200E")]
    [InlineData("POST", "/api/v1/athletes/me/notes", "{\"text\":\"slept\\u200Dwell\"}", "text", "U+200D")]
    [InlineData("POST", "/api/v1/athletes/me/reminders", "{\"what\":\"iron\\u202E\",\"due\":\"2026-12-20\"}", "what", "U+202E")]
    [InlineData("POST", "/api/v1/athletes/me/reminders", "{\"what\":\"iron\",\"due\":\"2026-12-20\",\"note\":\"\\u200Fsoon\"}", "note", "U+200F")]
    [InlineData("PUT", "/api/v1/athletes/me/supplements", "{\"supplements\":[{\"name\":\"Vitamin D3\\u202E\",\"doses_per_day\":1,\"per_dose\":{\"vitamin_d\":\"1000 IU\"}}]}", "supplements[0].name", "U+202E")]
    public async Task StoredText_WithAHiddenCharacter_IsRefused_NamingTheField(string method, string path, string body, string field, string character)
    {
        var athlete = await server.SignUpAsync("Hidden");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await athlete.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var problem = Assert.Single(JsonNode.Parse(text)!["problems"]!.AsArray());
        Assert.Equal((field, "invalid"), ((string?)problem!["path"], (string?)problem["code"]));
        Assert.Contains(character, (string?)problem["message"], StringComparison.Ordinal);
        var (_, log) = await athlete.GetAsync("/api/v1/athletes/me/food-log");
        Assert.Empty(log!.AsArray());
    }

    /// <summary>A zero-width non-joiner inside a Persian word and a joiner inside an emoji sequence change what is shown
    /// (RFC 5892 A.1; UTS #51): a note in Persian or with "woman running" is stored and read back as written, where both
    /// were refused before.</summary>
    [SkippableFact]
    public async Task APersianWordAndAnEmojiSequence_AreStoredAsWritten()
    {
        var athlete = await server.SignUpAsync("Joiner");
        const string Text = "\u0646\u0627\u0646\u200C\u0647\u0627 \U0001F3C3\u200D\u2640\uFE0F";

        var posted = await athlete.Http.PostAsJsonAsync("/api/v1/athletes/me/notes", new { text = Text });

        Assert.True(posted.IsSuccessStatusCode, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var (_, notes) = await athlete.GetAsync("/api/v1/athletes/me/notes");
        Assert.Contains(notes!.AsArray(), note => (string?)note!["text"] == Text);
    }

    /// <summary>A password is a secret, not shown text: it is taken as given, so one set with any character still signs in.</summary>
    [SkippableFact]
    public async Task Password_IsNotReadAsShownText()
    {
        using var client = server.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/account/register", new { email = "zw@example.org", password = "correct\u200Bhorse battery", kind = "athlete" });

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.NotEmpty(await ServerHost.SignInAsync(client, "zw@example.org", "correct\u200Bhorse battery"));
    }
}
