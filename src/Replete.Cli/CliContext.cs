using Spectre.Console;

namespace Replete.Cli;

/// <summary>Where a command writes: the console for tables, plain writers for JSON and errors.</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Output, TextWriter Error);
