using Replete.Cli;
using Spectre.Console;

return RepleteApp.Run(args, AnsiConsole.Console, Console.Out, Console.Error);
