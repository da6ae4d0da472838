using Spectre.Console;
using Spectre.Console.Rendering;

namespace Replete.Cli;

/// <summary>A console created on first use. Creating one detects the terminal (colour depth, Unicode, width,
/// interactivity), about 10 ms of a command's start that a <c>--json</c> command, which never renders, need not pay.</summary>
internal sealed class DeferredConsole(Func<IAnsiConsole> create) : IAnsiConsole
{
    private readonly Lazy<IAnsiConsole> console = new(create);

    public Profile Profile => console.Value.Profile;

    public IAnsiConsoleCursor Cursor => console.Value.Cursor;

    public IAnsiConsoleInput Input => console.Value.Input;

    public IExclusivityMode ExclusivityMode => console.Value.ExclusivityMode;

    public RenderPipeline Pipeline => console.Value.Pipeline;

    public void Clear(bool home) => console.Value.Clear(home);

    public void Write(IRenderable renderable) => console.Value.Write(renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => console.Value.WriteAnsi(action);
}
