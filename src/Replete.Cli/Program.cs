using Replete.Cli;
using Spectre.Console;

if (OperatingSystem.IsLinux() && args is [Resident.ServeArgument, var socket, ..] && args.Length <= 3)
{
    // The idle time in seconds may follow the socket (tests use a short one).
    var idle = args.Length == 3 && int.TryParse(args[2], out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : Resident.IdleTimeout;
    return Resident.Serve(socket, idle);
}

if (OperatingSystem.IsLinux() && Resident.TryForward(args) is { } answered)
{
    return answered;
}

var progress = new DeferredConsole(() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
return RepleteApp.Run(args, new DeferredConsole(() => AnsiConsole.Console), Console.Out, Console.Error, progress);
