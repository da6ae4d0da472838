using Spectre.Console;
using Spectre.Console.Rendering;

namespace Replete.Cli.Rendering;

/// <summary>Pieces that size to the console: lines with a hanging indent, one-level trees, and number columns that
/// never wrap.</summary>
internal static class Layout
{
    /// <summary>Writes <paramref name="markup"/> after <paramref name="mark"/> ("  -" by default, or a label such as
    /// "Next:"), wrapping under the text rather than at the margin.</summary>
    public static void Bullet(IAnsiConsole console, string markup, string mark = "  -") => console.Write(Hanging.After(new Markup(mark), new Markup(markup)));

    /// <summary>A right-aligned column for numbers that never wraps, so a figure, its unit and its header stay whole.</summary>
    public static TableColumn Number(string header) => new TableColumn(header).RightAligned().NoWrap();
}

/// <summary>Text wrapped at word boundaries to the width it is given, after a prefix on its first line and another on
/// the lines that follow (a bullet's mark and the indent under it; a tree's fork and the guide under it).</summary>
/// <remarks>Written here rather than with Spectre.Console's <see cref="Grid"/> or <see cref="Tree"/>, which lay the same
/// lines out: their word wrapping measures the rest of a line again for each word, so a long bullet cost 2 to 3 ms at 80
/// columns and the assessment's detail about 30 ms of a command's time (measured in the resident process with the
/// thread's processor clock). This renders the content once at full width and wraps its segments in one pass; the
/// lines are the same greedy word wrap, without the spaces Spectre leaves at the end of a wrapped line.</remarks>
internal sealed class Hanging : IRenderable
{
    private readonly IRenderable first;
    private readonly IRenderable rest;
    private readonly IRenderable content;
    private readonly bool flow;

    private Hanging(IRenderable first, IRenderable rest, IRenderable content, bool flow = false) =>
        (this.first, this.rest, this.content, this.flow) = (first, rest, content, flow);

    /// <summary><paramref name="content"/> after <paramref name="mark"/> and a space, its further lines under its first.</summary>
    public static Hanging After(IRenderable mark, IRenderable content) => new(new Prefix(mark, blank: false), new Prefix(mark, blank: true), content);

    /// <summary><paramref name="content"/> with <paramref name="first"/> before its first line and <paramref name="rest"/>
    /// before each further one.</summary>
    public static Hanging With(IRenderable first, IRenderable rest, IRenderable content) => new(first, rest, content);

    /// <summary><paramref name="content"/> wrapped as Spectre.Console wraps a paragraph: no prefix, and a line ends
    /// where the content's does (none after the last line unless the content ends with one).</summary>
    public static Hanging Flow(IRenderable content) => new(Text.Empty, Text.Empty, content, flow: true);

    /// <inheritdoc/>
    public Measurement Measure(RenderOptions options, int maxWidth)
    {
        var prefix = Math.Max(Width(first.Render(options, maxWidth)), Width(rest.Render(options, maxWidth)));
        var words = Words(content.Render(options, int.MaxValue)).ToList();
        var longest = words.Where(w => !w.Space).Select(w => w.Width).DefaultIfEmpty(0).Max();
        return new Measurement(Math.Min(maxWidth, prefix + longest), Math.Min(maxWidth, prefix + words.Sum(w => w.Width)));
    }

    /// <inheritdoc/>
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var firstPrefix = Line(first.Render(options, maxWidth));
        var restPrefix = Line(rest.Render(options, maxWidth));
        var lines = Wrap(Words(content.Render(options, int.MaxValue)), number => Math.Max(1, maxWidth - Width(number == 0 ? firstPrefix : restPrefix))).ToList();
        var output = new List<Segment>();
        for (var i = 0; i < lines.Count; i++)
        {
            var last = i == lines.Count - 1;
            if (flow && last && lines[i].Count == 0)
            {
                break;
            }

            output.AddRange(i == 0 ? firstPrefix : restPrefix);
            output.AddRange(lines[i]);
            if (!flow || !last)
            {
                output.Add(Segment.LineBreak);
            }
        }

        return output;
    }

    /// <summary><paramref name="mark"/> and one space, or (<paramref name="blank"/>) as many spaces as that takes.</summary>
    private sealed class Prefix(IRenderable mark, bool blank) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => mark.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            var segments = Line(mark.Render(options, maxWidth));
            return blank ? [new Segment(new string(' ', Width(segments) + 1))] : [.. segments, new Segment(" ")];
        }
    }

    /// <summary>A piece of a line: a word (the styled parts between spaces, which may change style inside a word) or a run
    /// of spaces; or a line break in the content.</summary>
    private sealed record Word(List<Segment> Parts, int Width, bool Space, bool Break);

    private static List<Segment> Line(IEnumerable<Segment> segments) => [.. segments.Where(s => !s.IsLineBreak)];

    private static int Width(IEnumerable<Segment> segments) => segments.Where(s => !s.IsLineBreak && !s.IsControlCode).Sum(s => Cells(s.Text));

    /// <summary>The cells <paramref name="text"/> takes: one per character below U+0300 (no combining or wide characters
    /// there), else as Spectre.Console counts them.</summary>
    private static int Cells(string text) => text.AsSpan().ContainsAnyInRange('\u0300', '\uffff') ? new Segment(text).CellCount() : text.Length;

    private static IEnumerable<Word> Words(IEnumerable<Segment> segments)
    {
        List<Segment>? parts = null;
        var width = 0;
        var space = false;
        foreach (var segment in segments)
        {
            if (segment.IsLineBreak)
            {
                if (parts is not null)
                {
                    yield return new Word(parts, width, space, false);
                    parts = null;
                }

                yield return new Word([], 0, false, true);
                continue;
            }

            if (segment.IsControlCode)
            {
                (parts ??= []).Add(segment);
                continue;
            }

            var text = segment.Text;
            var start = 0;
            while (start < text.Length)
            {
                var isSpace = text[start] == ' ';
                var end = start;
                while (end < text.Length && (text[end] == ' ') == isSpace)
                {
                    end++;
                }

                if (parts is not null && space != isSpace)
                {
                    yield return new Word(parts, width, space, false);
                    parts = null;
                }

                if (parts is null)
                {
                    (parts, width, space) = ([], 0, isSpace);
                }

                var piece = text[start..end];
                parts.Add(new Segment(piece, segment.Style));
                width += Cells(piece);
                start = end;
            }
        }

        if (parts is not null)
        {
            yield return new Word(parts, width, space, false);
        }
    }

    /// <summary>Greedy word wrap: a word goes on the line when it fits, else starts the next; spaces at the end of a
    /// wrapped line and at the start of the next are left out; a word wider than a whole line is cut to fit.</summary>
    private static IEnumerable<List<Segment>> Wrap(IEnumerable<Word> words, Func<int, int> widthOf)
    {
        var line = new List<Segment>();
        var used = 0;
        var lines = 0;
        var wrapped = false;
        List<Segment>? spaces = null;
        var spacesWidth = 0;
        foreach (var word in words)
        {
            var width = widthOf(lines);
            if (word.Break)
            {
                yield return line;
                (line, used, spaces, wrapped) = ([], 0, null, false);
                lines++;
                continue;
            }

            if (word.Space)
            {
                // Held until a word follows on the same line; dropped at a wrap.
                if (!(wrapped && used == 0))
                {
                    (spaces, spacesWidth) = (word.Parts, word.Width);
                }

                continue;
            }

            if (used > 0 && used + spacesWidth + word.Width > width)
            {
                yield return line;
                (line, used, spaces, spacesWidth, wrapped) = ([], 0, null, 0, true);
                width = widthOf(++lines);
            }

            if (spaces is not null)
            {
                line.AddRange(spaces);
                used += spacesWidth;
                (spaces, spacesWidth) = (null, 0);
            }

            if (used + word.Width <= width)
            {
                line.AddRange(word.Parts);
                used += word.Width;
                continue;
            }

            // Wider than a whole line: cut into pieces that fit, character by character.
            foreach (var part in word.Parts)
            {
                foreach (var character in part.Text.EnumerateRunes())
                {
                    var text = character.ToString();
                    var cells = Cells(text);
                    if (used > 0 && used + cells > width)
                    {
                        yield return line;
                        (line, used, wrapped) = ([], 0, true);
                        width = widthOf(++lines);
                    }

                    line.Add(new Segment(text, part.Style));
                    used += cells;
                }
            }
        }

        yield return line;
    }
}

/// <summary>A heading with one level of items under it, drawn with Spectre.Console's tree guides (ASCII where the
/// console has no Unicode), each item wrapped under itself (<see cref="Hanging"/>).</summary>
internal sealed class Outline(IRenderable heading) : IRenderable
{
    private readonly List<IRenderable> items = [];

    public Outline(string heading)
        : this(new Markup(heading))
    {
    }

    /// <summary>Adds an item (markup).</summary>
    public Outline AddNode(string markup) => AddNode(new Markup(markup));

    /// <summary>Adds an item.</summary>
    public Outline AddNode(IRenderable item)
    {
        items.Add(item);
        return this;
    }

    public Measurement Measure(RenderOptions options, int maxWidth) => Parts(options).Select(p => p.Measure(options, maxWidth))
        .Aggregate(new Measurement(0, 0), (a, b) => new Measurement(Math.Max(a.Min, b.Min), Math.Max(a.Max, b.Max)));

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => Parts(options).SelectMany(p => p.Render(options, maxWidth));

    private IEnumerable<IRenderable> Parts(RenderOptions options)
    {
        var guide = TreeGuide.Line.GetSafeTreeGuide(safe: !options.Unicode);
        IRenderable Guide(TreeGuidePart part) => new Text(guide.GetPart(part));
        yield return Hanging.With(Text.Empty, Text.Empty, heading);
        for (var i = 0; i < items.Count; i++)
        {
            var last = i == items.Count - 1;
            yield return Hanging.With(Guide(last ? TreeGuidePart.End : TreeGuidePart.Fork), Guide(last ? TreeGuidePart.Space : TreeGuidePart.Continue), items[i]);
        }
    }
}
