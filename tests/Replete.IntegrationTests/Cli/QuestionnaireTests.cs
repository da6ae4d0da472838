using System.Text.Json;
using Replete.Cli;
using Spectre.Console.Testing;

namespace Replete.IntegrationTests.Cli;

/// <summary>The interactive assessment, driven through a real Spectre.Console prompt with scripted keys.</summary>
public class QuestionnaireTests
{
    [Fact]
    public void RedFlagFirst_DarkUrine_StopsTheQuestionsAndIsAnEmergency()
    {
        var console = new TestConsole();
        console.Profile.Capabilities.Interactive = true;
        console.Input.PushKey(ConsoleKey.Spacebar);   // mark the first red flag: dark urine after hard exercise
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushTextWithEnter("30");        // age
        console.Input.PushKey(ConsoleKey.Enter);      // sex: female
        var output = new StringWriter();

        var code = RepleteApp.Run(["assess", "--interactive", "--format", "json"], console, output, new StringWriter(), console);

        Assert.Equal(0, code);
        var result = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("emergency", result.GetProperty("triage").GetString());
        Assert.Equal("dark_urine_after_exercise", result.GetProperty("red_flags")[0].GetProperty("flag_id").GetString());
    }

    [Fact]
    public void NothingReported_IsSelfCare_WithNoBottleneckClaimed()
    {
        var console = new TestConsole();
        console.Profile.Capabilities.Interactive = true;
        console.Input.PushKey(ConsoleKey.Enter);      // no red flag
        console.Input.PushTextWithEnter("27");
        console.Input.PushKey(ConsoleKey.DownArrow);  // sex: male
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.Enter);      // no symptoms
        console.Input.PushKey(ConsoleKey.Enter);      // no risk factors
        console.Input.PushTextWithEnter("n");         // no lab results
        var output = new StringWriter();

        var code = RepleteApp.Run(["assess", "--interactive", "--format", "json"], console, output, new StringWriter(), console);

        Assert.Equal(0, code);
        var result = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("self_care", result.GetProperty("triage").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("top").ValueKind);
    }

    [Fact]
    public void FerritinEntered_AsksForCrpAndTraining_AndReadsFerritinThroughTheInflammation()
    {
        var console = WomanWithALabResult();
        console.Input.PushKey(ConsoleKey.Enter);      // ferritin (first)
        console.Input.PushTextWithEnter("60");
        console.Input.PushKey(ConsoleKey.Enter);      // ug/L
        console.Input.PushTextWithEnter("n");         // no other lab
        console.Input.PushTextWithEnter("y");         // CRP measured
        console.Input.PushTextWithEnter("28");
        console.Input.PushTextWithEnter("n");         // not after hard training
        var output = new StringWriter();

        var code = RepleteApp.Run(["assess", "--interactive", "--format", "json"], console, output, new StringWriter(), console);

        Assert.Equal(0, code);
        var labs = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("labs");
        var ferritin = labs.EnumerateArray().Single(l => l.GetProperty("biomarker").GetString() == "ferritin");
        Assert.Equal("low", ferritin.GetProperty("status").GetString());
        Assert.True(ferritin.GetProperty("conditional_cutoff").GetBoolean());
        Assert.Contains(labs.EnumerateArray(), l => l.GetProperty("biomarker").GetString() == "crp");
    }

    [Fact]
    public void UnitSlip_IsAsked_AndAConfirmedValueIsKept()
    {
        var console = WomanWithALabResult();
        console.Input.PushKey(ConsoleKey.DownArrow);  // haemoglobin (third)
        console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushTextWithEnter("13");
        console.Input.PushKey(ConsoleKey.Enter);      // g/L
        console.Input.PushTextWithEnter("y");         // yes, 13 g/L is what the report says
        console.Input.PushTextWithEnter("n");         // no other lab
        var output = new StringWriter();

        var code = RepleteApp.Run(["assess", "--interactive", "--format", "json"], console, output, new StringWriter(), console);

        Assert.Equal(0, code);
        Assert.Contains("is far below its cut-off", console.Output, StringComparison.Ordinal);
        var result = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(13, result.GetProperty("labs")[0].GetProperty("value").GetDouble());
        Assert.Equal("emergency", result.GetProperty("triage").GetString()); // life-threatening anaemia (below 65 g/L)
    }

    [Fact]
    public void MissedPeriods_AsksForTheMonths_AndNineMonthsSendsHerToADoctor()
    {
        var console = new TestConsole();
        console.Profile.Capabilities.Interactive = true;
        console.Input.PushKey(ConsoleKey.Enter);      // no red flag ticked
        console.Input.PushTextWithEnter("22");
        console.Input.PushKey(ConsoleKey.Enter);      // sex: female
        var kb = Replete.Knowledge.KnowledgeBase.Default;
        var symptoms = kb.Symptoms.Select(s => (s.SymptomId, s.Label)).Concat(kb.Terms.Where(t => t.Kind == Replete.Knowledge.KnowledgeIdKind.Symptom).Select(t => (t.Id, t.Label))).Distinct().ToList();
        for (var i = 0; i < symptoms.FindIndex(s => s.Item1 == "missed_periods"); i++)
        {
            console.Input.PushKey(ConsoleKey.DownArrow);
        }

        console.Input.PushKey(ConsoleKey.Spacebar);   // missed or stopped periods
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.Enter);      // no risk factors (no lab question: no test reads energy)
        console.Input.PushTextWithEnter("9");         // months since the last period
        var output = new StringWriter();

        var code = RepleteApp.Run(["assess", "--interactive", "--format", "json"], console, output, new StringWriter(), console);

        Assert.Equal(0, code);
        Assert.Contains("How many months since your last period?", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalid", console.Output, StringComparison.Ordinal);
        var result = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("see_doctor_soon", result.GetProperty("triage").GetString());
        Assert.Contains(result.GetProperty("red_flags").EnumerateArray(), f => f.GetProperty("flag_id").GetString() == "missed_periods_three_months");
    }

    /// <summary>A console scripted up to the choice of test: no red flag, a woman of 30, no symptoms or risks, a lab.</summary>
    private static TestConsole WomanWithALabResult()
    {
        var console = new TestConsole();
        console.Profile.Capabilities.Interactive = true;
        console.Input.PushKey(ConsoleKey.Enter);      // no red flag
        console.Input.PushTextWithEnter("30");
        console.Input.PushKey(ConsoleKey.Enter);      // sex: female
        console.Input.PushKey(ConsoleKey.Enter);      // no symptoms
        console.Input.PushKey(ConsoleKey.Enter);      // no risk factors
        console.Input.PushTextWithEnter("y");         // a lab result
        return console;
    }

    [Fact]
    public void NoTerminal_SaysToGiveAFile()
    {
        var result = CliRunner.Run("assess", "--interactive");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs a terminal", result.Error, StringComparison.Ordinal);
    }
}
