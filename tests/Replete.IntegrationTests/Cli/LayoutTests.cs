using Replete.Cli;
using Replete.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace Replete.IntegrationTests.Cli;

/// <summary>Replete's one-pass word wrap (<see cref="Hanging"/>, <see cref="Outline"/>, <see cref="WrappingConsole"/>)
/// against the Spectre.Console layouts it replaces for speed: the same lines at every width, apart from the spaces
/// Spectre leaves at the end of a wrapped line.</summary>
public sealed class LayoutTests
{
    /// <summary>Texts with what a wrap can trip on: styles that change inside a word, runs of spaces, words longer than a
    /// line, escaped brackets, line breaks, wide (CJK) and accented characters, and text that fits exactly.</summary>
    private static readonly string[] Samples =
    [
        "Hyacinth beans, mature seeds, cooked, boiled, without salt (new): 8.89 mg in 1 cup (194 g), 3.91 mg per 100 kcal [[Plant (non-heme) iron is absorbed at 2-20 %]]",
        "[bold]Iron[/]: possible [grey](score 3)[/] and [yellow]Overtraining[/] [grey]why here[/] hard week, [red]no[/] space after it",
        "Raisins, golden seedless (new): 131 g in 1 cup,  packed (165 g),   26.3 g per 100 kcal",
        "Supercalifragilisticexpialidocious-and-then-some-more-letters-than-any-line-holds-at-forty-columns then short words",
        "first line\nsecond line that is rather longer than the first one and wraps somewhere\n\nafter a blank line",
        "Crème fraîche, épinards et 豆腐 (tofu) 牛奶 with café au lait: naïve façade, 12 µg",
        "exactly",
        "",
    ];

    public static TheoryData<string> Texts() => [.. Samples];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Flow_WrapsAsSpectresParagraphDoes(string markup)
    {
        foreach (var width in new[] { 12, 20, 33, 40, 57, 80, 120 })
        {
            Assert.Equal(Shown(new Markup(markup + "\n"), width, unicode: true), Shown(Hanging.Flow(new Markup(markup + "\n")), width, unicode: true));
            Assert.Equal(Shown(new Markup(markup), width, unicode: true), Shown(Hanging.Flow(new Markup(markup)), width, unicode: true));
        }
    }

    /// <summary>The one place the wrap differs on purpose: Spectre.Console breaks a line where the style changes inside a
    /// word ("[bold]Iron[/]:" could leave the colon alone on the next line); here a word stays whole.</summary>
    [Fact]
    public void Flow_KeepsAWordWhole_WhereItsStyleChanges()
    {
        const string markup = "a few words then [bold]Iron[/]: and more";
        Assert.Equal("a few words then Iron\n: and more", Shown(new Markup(markup), 21, unicode: true));
        Assert.Equal("a few words then\nIron: and more", Shown(Hanging.Flow(new Markup(markup)), 21, unicode: true));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Bullet_LaysOutAsASpectreGridDid(string markup)
    {
        foreach (var width in new[] { 20, 40, 80, 120 })
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn(new GridColumn().PadRight(0)).AddRow(new Markup("[bold]Next[/]:"), new Markup(markup));
            Assert.Equal(Shown(grid, width, unicode: true), Shown(Hanging.After(new Markup("[bold]Next[/]:"), new Markup(markup)), width, unicode: true));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Outline_DrawsAsASpectreTreeDid_WithOrWithoutUnicode(bool unicode)
    {
        var items = Samples.Where(t => t.Length > 0).ToList();
        foreach (var width in new[] { 24, 40, 80, 120 })
        {
            var tree = new Tree(new Markup("[bold]iron[/]: possible (score 3) with a heading long enough to wrap at the narrower widths"));
            var outline = new Outline("[bold]iron[/]: possible (score 3) with a heading long enough to wrap at the narrower widths");
            foreach (var item in items)
            {
                tree.AddNode(item);
                outline.AddNode(item);
            }

            var expected = Shown(tree, width, unicode);
            Assert.Equal(expected, Shown(outline, width, unicode));
            Assert.Contains("└── ", expected, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WrappingConsole_LeavesCentredTextAndTablesToSpectre()
    {
        var plain = new TestConsole().Width(30);
        var wrapped = new TestConsole().Width(30);
        IRenderable[] items = [new Markup("a centred line of text that is longer than thirty").Centered(), new Table().AddColumn("food").AddRow("Oats"), new Rule("Detail")];
        foreach (var item in items)
        {
            plain.Write(item);
            new WrappingConsole(wrapped).Write(item);
        }

        Assert.Equal(plain.Output, wrapped.Output);
    }

    /// <summary>What <paramref name="renderable"/> shows at <paramref name="width"/> columns, each line without the
    /// spaces at its end.</summary>
    private static string Shown(IRenderable renderable, int width, bool unicode)
    {
        var console = new TestConsole().Width(width);
        console.Profile.Capabilities.Unicode = unicode;
        console.Write(renderable);
        return string.Join('\n', console.Output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd(' ')));
    }
}
