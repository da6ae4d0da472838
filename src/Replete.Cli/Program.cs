using Replete.Cli;
using Spectre.Console;

var progress = new DeferredConsole(() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));
return RepleteApp.Run(args, new DeferredConsole(() => AnsiConsole.Console), Console.Out, Console.Error, progress);
