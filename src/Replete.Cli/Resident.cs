using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>The resident replete: a background process that keeps the reference data, the compiled code and the solver
/// loaded, so that a command answers in the time of a small program instead of paying for a cold start each time (the
/// pattern of the .NET SDK's build servers and Gradle's daemon). The first command of a build starts it and runs
/// itself as usual; later commands hand their arguments, folder and console to it over a Unix socket that only the
/// same user can open, and print what it sends back.</summary>
/// <remarks>
/// <para>What runs in the resident process is exactly what would run in the command: the same <see cref="RepleteApp.Run"/>
/// with the command's folder, the environment variables Replete reads, its culture and its console's capabilities
/// (colours, width, Unicode), one command at a time. Anything that needs the person at the keyboard
/// (<c>--interactive</c>), the server, and unknown commands run in the command itself.</para>
/// <para>It holds no person's data between commands. It stops after <see cref="IdleTimeout"/> without a command, with
/// <c>replete resident stop</c>, and is never used when <c>REPLETE_RESIDENT=off</c>. A resident process of another folder,
/// culture or time zone is a different one, on its own socket; one whose build has been replaced in its folder (another
/// version of any Replete assembly) stops at the next command, which runs itself.</para>
/// </remarks>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class Resident
{
    /// <summary><c>REPLETE_RESIDENT=off</c> runs every command in its own process.</summary>
    public const string Variable = "REPLETE_RESIDENT";

    /// <summary>How long the resident process waits for a command before it stops. Replete's choice: long enough for a
    /// session of work or a script over a roster, short enough not to hold memory for the rest of the day.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The hidden argument that makes a process the resident one.</summary>
    internal const string ServeArgument = "__resident";

    /// <summary>Commands the resident process may run: everything a person runs, except the questionnaire (it reads the
    /// keyboard) and the server.</summary>
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "targets", "adequacy", "sweat-test", "session", "training", "energy-availability", "foods", "analyze", "assess", "plan",
    };

    /// <summary>The environment variables Replete (and npm, when it fetches SR28) reads, passed with each command.</summary>
    private static readonly string[] Passed =
    [
        Sr28.DefaultFoodDatabase.DataDirectoryVariable, Sr28.DefaultFoodDatabase.NpmVariable, "HOME", "XDG_DATA_HOME", "PATH", "TMPDIR",
        "NO_COLOR", "TERM", "COLORTERM",
    ];

    private const byte Stdout = 1;
    private const byte Stderr = 2;
    private const byte Exit = 3;
    private const byte RunYourself = 4;
    private const int Protocol = 2;

    /// <summary>Hands the command to the resident process and returns its exit code, or null when the command should run
    /// here (no resident process yet: one is started for next time; or the command is not one it runs).</summary>
    public static int? TryForward(string[] args)
    {
        if (!Wanted(args) || SocketPath() is not { } path)
        {
            return null;
        }

        return Forward(args, path, Console.Out, Console.Error, start: true);
    }

    /// <summary>Sends the command to the resident process on <paramref name="path"/> and writes what it sends back;
    /// null when none answers there (then, with <paramref name="start"/>, one is started for next time) or it asks the
    /// command to run itself.</summary>
    internal static int? Forward(string[] args, string path, TextWriter output, TextWriter error, bool start)
    {
        using var stream = ResidentConnection.Open(path);
        if (stream is null)
        {
            if (start)
            {
                Start(path);
            }

            return null;
        }

        var written = false;
        try
        {
            // The request goes in one write; the console's capabilities follow in another, detected while the resident
            // process reads the files and plans (see WriteCapabilities).
            var request = new MemoryStream();
            using (var writer = new BinaryWriter(request, Encoding.UTF8, leaveOpen: true))
            {
                WriteRequest(writer, args);
            }

            stream.Write(request.GetBuffer(), 0, (int)request.Length);
            request.SetLength(0);
            using (var writer = new BinaryWriter(request, Encoding.UTF8, leaveOpen: true))
            {
                WriteCapabilities(writer, args);
            }

            stream.Write(request.GetBuffer(), 0, (int)request.Length);
            using var reader = new BinaryReader(new BufferedStream(stream, 16_384), Encoding.UTF8, leaveOpen: true);
            while (true)
            {
                switch (reader.ReadByte())
                {
                    case Stdout:
                        output.Write(reader.ReadString());
                        written = true;
                        break;
                    case Stderr:
                        error.Write(reader.ReadString());
                        written = true;
                        break;
                    case Exit:
                        output.Flush();
                        return reader.ReadInt32();
                    case RunYourself:
                        return written ? Failed(error) : null;
                    default:
                        throw new IOException("The resident replete sent a frame this build does not know.");
                }
            }
        }
        catch (IOException)
        {
            // The resident process went away: before it wrote anything, the command runs here.
            return written ? Failed(error) : null;
        }
    }

    private static int Failed(TextWriter error)
    {
        error.WriteLine("error: the resident replete stopped in the middle of the command; run it again (or set REPLETE_RESIDENT=off).");
        return 70;
    }

    private static bool Wanted(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0]) && Array.IndexOf(args, "--interactive") < 0
        && !string.Equals(Environment.GetEnvironmentVariable(Variable), "off", StringComparison.OrdinalIgnoreCase);

    private static void WriteRequest(BinaryWriter writer, string[] args)
    {
        writer.Write(Protocol);
        writer.Write(Environment.CurrentDirectory);
        writer.Write(CultureInfo.CurrentCulture.Name);
        writer.Write(args.Length);
        foreach (var arg in args)
        {
            writer.Write(arg);
        }

        foreach (var name in Passed)
        {
            var value = Environment.GetEnvironmentVariable(name);
            writer.Write(value is not null);
            writer.Write(value ?? "");
        }
    }

    /// <summary>Writes the capabilities of this command's standard output and error (colours, width, Unicode), as
    /// Spectre.Console detects them here, for a table to be rendered for this terminal; JSON and the other text formats
    /// do not depend on them.</summary>
    /// <remarks>They are sent after the request rather than in it: detecting them costs the command about 6 ms of
    /// processor time (measured with the thread's processor clock), which then passes while the resident process reads
    /// the files and plans, instead of before it starts. The resident process reads them where it first renders, and
    /// always before it answers, so the command never writes to a connection the resident process has closed.</remarks>
    private static void WriteCapabilities(BinaryWriter writer, string[] args)
    {
        var rendered = !args.Any(a => a is "--json" or "json" or "markdown" or "html");
        WriteCapabilities(writer, rendered ? AnsiConsole.Console.Profile : null);
        WriteCapabilities(writer, rendered ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Profile : null);
    }

    private static void WriteCapabilities(BinaryWriter writer, Profile? profile)
    {
        writer.Write(profile is not null);
        if (profile is not null)
        {
            writer.Write(profile.Capabilities.Ansi);
            writer.Write((int)profile.Capabilities.ColorSystem);
            writer.Write(profile.Capabilities.Unicode);
            writer.Write(profile.Capabilities.Links);
            writer.Write(profile.Out.IsTerminal);
            writer.Write(profile.Width);
            writer.Write(profile.Height);
        }
    }

    /// <summary>Starts the resident process for this build, detached from the terminal, with nothing of this command's
    /// standard streams.</summary>
    private static void Start(string path)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("/bin/sh")
            {
                UseShellExecute = false,
                // Nor any other descriptor the command inherited: a lock a script holds around the command (flock 3>lock)
                // would otherwise stay held as long as the resident process lives.
                ArgumentList = { "-c", "exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; exec \"$0\" \"$@\" </dev/null >/dev/null 2>&1 &", Environment.ProcessPath!, typeof(Resident).Assembly.Location, ServeArgument, path },
            };
            using var process = System.Diagnostics.Process.Start(start);
            process?.WaitForExit();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // Not started: every command runs in its own process, as without it.
        }
    }

    /// <summary>The socket of the resident process for this build, culture and time zone, in a folder only this user can
    /// open (<c>$XDG_RUNTIME_DIR/replete</c>, else <c>/tmp/replete-USER</c>, mode 0700); null where there is none.</summary>
    internal static string? SocketPath()
    {
        try
        {
            var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
            var folder = !string.IsNullOrEmpty(runtime) && Directory.Exists(runtime)
                ? Path.Combine(runtime, "replete")
                : Path.Combine(Path.GetTempPath(), "replete-" + Environment.UserName);
            if (!PrivateFolder(folder))
            {
                return null;
            }

            var path = Path.Combine(folder, Key() + ".sock");
            return path.Length < 100 ? path : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether a resident process listens on <paramref name="path"/>. (.NET's file checks answer false for a
    /// socket, so the socket itself is asked.)</summary>
    internal static bool Listening(string path)
    {
        using var probe = ResidentConnection.Open(path);
        return probe is not null;
    }

    /// <summary>Makes <paramref name="folder"/> (mode 0700) where it is missing; true when it is a folder only this user
    /// may enter. A folder someone else made, a link, or one others may enter is not used: the socket carries health
    /// data.</summary>
    internal static bool PrivateFolder(string folder)
    {
        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var info = Directory.CreateDirectory(folder, owner);
        return info.LinkTarget is null && info.UnixFileMode == owner;
    }

    /// <summary>This build's folder, culture and time zone, hashed: the name of the resident process's socket.</summary>
    /// <remarks>The hash is 64-bit FNV-1a, written here: the key only tells resident processes apart in a folder only this
    /// user can open, and a cryptographic hash would load OpenSSL into every command (about 7 ms). The build in the folder
    /// is not part of it: listing and reading the assemblies cost every command about 7 ms of processor time (measured
    /// with the thread's processor clock), so the resident process checks instead, before each command, that the build
    /// it was started from is still the one in its folder (<see cref="Build"/>), and stops when it is not. The time zone
    /// is named by <c>TZ</c> and what <c>/etc/localtime</c> is, rather than by <see cref="TimeZoneInfo.Local"/>, which
    /// reads the zone database (about 3 ms).</remarks>
    private static string Key()
    {
        var key = string.Join('|', AppContext.BaseDirectory, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, Environment.GetEnvironmentVariable("TZ") ?? "", LocalTime());
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The build in this process's folder: the path, size and time of every Replete assembly there (rather than
    /// the assemblies' version ids, which would load five assemblies). A resident process whose build has been replaced
    /// no longer matches it.</summary>
    internal static string Build() => string.Join('|', new DirectoryInfo(AppContext.BaseDirectory).EnumerateFiles("Replete*.dll").OrderBy(f => f.Name, StringComparer.Ordinal)
        .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.FullName}:{f.Length}:{f.LastWriteTimeUtc.Ticks}")));

    /// <summary>What <c>/etc/localtime</c> is: the zone file it links to, or for a copied file its size and time.</summary>
    private static string LocalTime()
    {
        try
        {
            var file = new FileInfo("/etc/localtime");
            return file.LinkTarget ?? (file.Exists ? $"{file.Length}@{file.LastWriteTimeUtc.Ticks}" : "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setsid();

    /// <summary>Runs as the resident process on <paramref name="path"/> until it has been idle for
    /// <paramref name="idle"/> (or another resident process holds the socket); returns its exit code.</summary>
    public static int Serve(string path, TimeSpan idle, CancellationToken stop = default)
    {
        if (stop == default)
        {
            // Its own session: a Ctrl-C in the terminal that started it stops that command, not this process.
            _ = setsid();
        }

        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            if (Listening(path))
            {
                return 0;
            }

            // A socket left by a resident process that did not end cleanly (File.Delete unlinks it; nothing else is there).
            File.Delete(path);

            listener.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(16);
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            // Seen only where the process was started by hand or by a test: the command that starts it discards this.
            Console.Error.WriteLine($"replete resident: cannot listen on {path}: {ex.Message}");
            return 0;
        }

        var build = Build();

        // What every command needs, loaded before the first one arrives.
        _ = Task.Run(
            () =>
            {
                _ = Knowledge.KnowledgeBase.Default;
                Planning.DayPlanner.LoadSolver();
            },
            CancellationToken.None);
        try
        {
            while (true)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(idle);
                Socket client;
                try
                {
                    client = listener.AcceptAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    return 0;
                }

                using (client)
                {
                    if (!Answer(client, build))
                    {
                        return 0;
                    }
                }
            }
        }
        finally
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Stops the resident process of this build, if one runs; true when one did.</summary>
    public static bool Stop() => SocketPath() is { } path && Stop(path);

    /// <summary>Stops the resident process on <paramref name="path"/>; true when one ran there.</summary>
    internal static bool Stop(string path)
    {
        using var stream = ResidentConnection.Open(path);
        if (stream is null)
        {
            return false;
        }

        try
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(-Protocol);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Runs one command for <paramref name="client"/>; false when the client asked the resident process to stop,
    /// or when the build in its folder is no longer <paramref name="build"/>, the one it was started from (then the
    /// command runs itself, and starts a resident process of its own build for the next one).</summary>
    private static bool Answer(Socket client, string build)
    {
        using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        using var frames = new FrameSender(stream);
        string[] args;
        string folder;
        string culture;
        var variables = new List<(string Name, string? Value)>();
        try
        {
            var version = reader.ReadInt32();
            if (version == -Protocol)
            {
                return false;
            }

            // A command of another protocol or build in this folder: the build was replaced since this process started.
            if (version != Protocol || Build() != build)
            {
                frames.Send(RunYourself);
                return false;
            }

            folder = reader.ReadString();
            culture = reader.ReadString();
            args = new string[reader.ReadInt32()];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = reader.ReadString();
            }

            foreach (var name in Passed)
            {
                var present = reader.ReadBoolean();
                var value = reader.ReadString();
                variables.Add((name, present ? value : null));
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException)
        {
            return true;
        }

        var savedFolder = Environment.CurrentDirectory;
        var savedCulture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            Environment.CurrentDirectory = folder;
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CultureNotFoundException)
        {
            frames.Send(RunYourself);
            return true;
        }

        try
        {
            using var output = new FrameWriter(frames, Stdout);
            using var error = new FrameWriter(frames, Stderr);
            // The client's consoles follow the request (see WriteCapabilities): read where the command first renders.
            var consoles = new Lazy<(Capabilities? Out, Capabilities? Error)>(() => (Capabilities.Read(reader), Capabilities.Read(reader)));
            var console = new DeferredConsole(() => ClientConsole(consoles.Value.Out, output));
            var progress = new DeferredConsole(() => ClientConsole(consoles.Value.Error, error));
            int code;
            try
            {
                code = RepleteApp.Run(args, console, output, error, progress);
            }
#pragma warning disable CA1031 // A programming error in a command is the command's, reported as the runtime would, not the resident process's end.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error.Write($"Unhandled exception. {ex}{Environment.NewLine}");
                code = 134;
            }

            output.Flush();
            error.Flush();
            try
            {
                _ = consoles.Value;
            }
            catch (Exception ex) when (ex is IOException or EndOfStreamException)
            {
                // The client went away: what is left of its command is discarded, as FrameSender does.
            }

            frames.SendExit(code);
            return true;
        }
        finally
        {
            Environment.CurrentDirectory = savedFolder;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = savedCulture;
        }
    }

    private static IAnsiConsole ClientConsole(Capabilities? capabilities, TextWriter writer)
    {
        capabilities ??= new Capabilities(false, ColorSystem.NoColors, false, false, false, 80, 24);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = (ColorSystemSupport)capabilities.ColorSystem,
            Interactive = InteractionSupport.No,
            Out = new RemoteOutput(writer, capabilities.Terminal, capabilities.Width, capabilities.Height),
        });
        console.Profile.Capabilities.Unicode = capabilities.Unicode;
        console.Profile.Capabilities.Links = capabilities.Links;
        return console;
    }

    /// <summary>A client's console, as it detected it.</summary>
    private sealed record Capabilities(bool Ansi, ColorSystem ColorSystem, bool Unicode, bool Links, bool Terminal, int Width, int Height)
    {
        public static Capabilities? Read(BinaryReader reader) => reader.ReadBoolean()
            ? new Capabilities(reader.ReadBoolean(), (ColorSystem)reader.ReadInt32(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadInt32(), reader.ReadInt32())
            : null;
    }

    /// <summary>The client's terminal, written through frames.</summary>
    private sealed class RemoteOutput(TextWriter writer, bool terminal, int width, int height) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;

        public bool IsTerminal => terminal;

        public int Width => width;

        public int Height => height;

        public void SetEncoding(Encoding encoding)
        {
        }
    }

    /// <summary>Sends frames to the client; after the client has gone, what is left of the command is discarded.</summary>
    private sealed class FrameSender(Stream stream) : IDisposable
    {
        private readonly BinaryWriter writer = new(stream, Encoding.UTF8, leaveOpen: true);
        private bool gone;

        public void Send(byte kind, string? text = null)
        {
            if (gone)
            {
                return;
            }

            try
            {
                writer.Write(kind);
                if (text is not null)
                {
                    writer.Write(text);
                }

                writer.Flush();
            }
            catch (IOException)
            {
                gone = true;
            }
        }

        public void SendExit(int code)
        {
            Send(Exit);
            if (!gone)
            {
                try
                {
                    writer.Write(code);
                    writer.Flush();
                }
                catch (IOException)
                {
                    gone = true;
                }
            }
        }

        public void Dispose() => writer.Dispose();
    }

    /// <summary>A text stream of the command (standard output or error) sent as frames, in pieces of at most 16 KB.</summary>
    private sealed class FrameWriter(FrameSender sender, byte kind) : TextWriter
    {
        private readonly StringBuilder buffer = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            buffer.Append(value);
            if (buffer.Length >= 16_384)
            {
                Flush();
            }
        }

        public override void Write(string? value)
        {
            buffer.Append(value);
            if (buffer.Length >= 16_384)
            {
                Flush();
            }
        }

        public override void Flush()
        {
            if (buffer.Length > 0)
            {
                sender.Send(kind, buffer.ToString());
                buffer.Clear();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }

            base.Dispose(disposing);
        }
    }
}
