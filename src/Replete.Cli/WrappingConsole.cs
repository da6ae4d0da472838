using Replete.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Replete.Cli;

/// <summary>The console a command writes to: text and markup written on their own (not inside a table or panel) are
/// wrapped by <see cref="Hanging.Flow"/>, the same greedy word wrap in one pass, rather than by Spectre.Console's
/// paragraph, which measures the rest of a line again for each word (a long source or note line cost about 0.5 ms).
/// Everything else goes to <paramref name="console"/> as it is.</summary>
internal sealed class WrappingConsole(IAnsiConsole console) : IAnsiConsole
{
    public Profile Profile => console.Profile;

    public IAnsiConsoleCursor Cursor => console.Cursor;

    public IAnsiConsoleInput Input => console.Input;

    public IExclusivityMode ExclusivityMode => console.ExclusivityMode;

    public RenderPipeline Pipeline => console.Pipeline;

    public void Clear(bool home) => console.Clear(home);

    public void Write(IRenderable renderable) => console.Write(Plain(renderable) ? Hanging.Flow(renderable) : renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => console.WriteAnsi(action);

    /// <summary>Left-aligned text that folds where it overflows: what Spectre.Console's paragraph wraps by words.</summary>
    private static bool Plain(IRenderable renderable) => renderable switch
    {
        Markup markup => markup.Justification is null or Justify.Left && markup.Overflow is null or Overflow.Fold,
        Text text => text.Justification is null or Justify.Left && text.Overflow is null or Overflow.Fold,
        Paragraph paragraph => paragraph.Justification is null or Justify.Left && paragraph.Overflow is null or Overflow.Fold,
        _ => false,
    };
}
