using Replete.Cli;
using Spectre.Console;

var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return RepleteApp.Run(args, AnsiConsole.Console, Console.Out, Console.Error, progress);
