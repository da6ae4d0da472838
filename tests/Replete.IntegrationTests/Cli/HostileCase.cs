using System.Text;

namespace Replete.IntegrationTests.Cli;

/// <summary>What a hostile case may end in: refused (exit 2), read (exit 0), or either, where both are defensible (a
/// negative temperature, a UTF-16 file with its byte order mark).</summary>
public enum HostileOutcome
{
    Refused,
    Accepted,
    Either,
}

/// <summary>One generated hostile input: the files it writes into its own folder and the command lines run against
/// them. Every run must end in exit 0 or 2 within the time bound, with no stack trace and no raw control character;
/// a refusal names <see cref="Names"/> on an <c>error:</c> line and leaves the folder and the data directory as they
/// were.</summary>
/// <param name="Name">Unique, readable: the test's display argument.</param>
/// <param name="Command">The command it attacks (for the count per command).</param>
/// <param name="Expect">The outcome of the last run (earlier runs set the stage; one that refuses ends the case).</param>
/// <param name="Names">Text every refusal must contain: the file, and the field where the input has one; alternatives
/// separated by '|'.</param>
/// <param name="Write">Writes the case's files.</param>
/// <param name="Runs">Command lines, in order; <c>--data-dir</c> is added where the command takes it.</param>
public sealed record HostileCase(string Name, string Command, HostileOutcome Expect, string[] Names, Action<HostileFolder> Write, params Func<HostileFolder, string[]>[] Runs)
{
    /// <summary>Slow cases (large or endless inputs) run in the bounded separate step.</summary>
    public bool Slow { get; init; }

    /// <summary>The case writes to the food database (an import or a rebuild): it gets its own copy.</summary>
    public bool OwnDataDirectory { get; init; }

    /// <summary>Set where the case cannot bite when run as root (permissions): the reason it is skipped.</summary>
    public string? SkipAsRoot { get; init; }

    /// <summary>Files a successful run may create in the folder (a chart).</summary>
    public string[] Outputs { get; init; } = [];

    public override string ToString() => Name;
}

/// <summary>The folder a hostile case writes its files into, and the data directory it runs against.</summary>
public sealed class HostileFolder(string path, string dataDirectory, string sr28Tarball)
{
    /// <summary>The real SR28 package, for cases that damage a copy of it.</summary>
    public string Sr28Tarball { get; } = sr28Tarball;

    public string Path { get; } = path;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Files that are not regular files (a FIFO): never opened by the suite itself.</summary>
    public HashSet<string> Specials { get; } = new(StringComparer.Ordinal);

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public string Text(string name, string content) => Bytes(name, new UTF8Encoding(false).GetBytes(content));

    public string Bytes(string name, byte[] content)
    {
        var file = this[name];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        return file;
    }
}
