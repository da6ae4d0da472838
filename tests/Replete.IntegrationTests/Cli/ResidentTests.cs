using System.Diagnostics;
using Replete.Cli;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Cli;

/// <summary>The resident replete, run as the real built command in a child process on a socket of the test's own: a
/// command handed to it prints exactly what it prints when it runs itself, bad input included; it stops when asked and
/// when idle; and it is never reached through a folder other people may enter.</summary>
/// <remarks>.NET's file checks (File.Exists, directory listings) do not see sockets; the tests ask the socket.</remarks>
[Collection(Sr28Group.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ResidentTests(Sr28Database sr28) : CommandTestDirectory(sr28, "replete-resident-"), IDisposable
{
    private readonly string example = Path.Combine(SharedFiles.RepositoryRoot, "examples", "runner-assessment.json");

    /// <summary>A socket path short enough for Unix sockets (108 bytes), whatever the test run's temporary folder.</summary>
    private readonly string socket = Path.Combine(Directory.CreateDirectory($"/tmp/rr-{Guid.NewGuid():N}"[..15], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName, "r.sock");

    private string Socket => socket;

    /// <summary>Starts the built command as the resident process on the test's socket and waits until it listens.</summary>
    private Process StartResident(int idleSeconds = 120)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Replete.Cli.dll"), Resident.ServeArgument, Socket, idleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var waited = Stopwatch.StartNew();
        while (!Resident.Listening(Socket))
        {
            if (process.HasExited)
            {
                Assert.Fail($"the resident process ended with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
            }
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the resident process did not listen within 30 s");
            Thread.Sleep(20);
        }

        return process;
    }

    private (int? Code, string Output, string Error) Forward(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Resident.Forward(args, Socket, output, error, start: false);
        return (code, output.ToString(), error.ToString());
    }

    [SkippableFact]
    public void ACommandHandedToIt_PrintsWhatItPrintsRunningItself()
    {
        _ = Sr28.Database;
        Assert.Equal(0, CliRunner.Run("foods", "init", "--package", Sr28.Tarball, "--data-dir", DataDir).ExitCode);
        using var resident = StartResident();
        try
        {
            string[][] commands =
            [
                ["assess", example, "--format", "json", "--data-dir", DataDir],
                ["assess", example, "--format", "markdown", "--data-dir", DataDir],
                ["targets", "--age", "29", "--sex", "female", "--pregnant", "--json"],
                ["foods", "search", "bananna", "--json", "--data-dir", DataDir],
                ["assess", Write("""{"profile": {"age": 300, "sex": "female"}}"""), "--format", "json"],
                ["targets", "--age", "29", "--sex", "unknown", "--json"],
            ];
            foreach (var args in commands)
            {
                var itself = CliRunner.Run(args);
                var handed = Forward(args);
                Assert.True(handed.Code == itself.ExitCode, $"{string.Join(' ', args)}: exit {handed.Code} handed, {itself.ExitCode} itself\n{handed.Error}");
                Assert.Equal(itself.Output, handed.Output);
                Assert.Equal(itself.Error, handed.Error);
            }

            // The folder is the command's: a relative path resolves where the command was run.
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, example);
            Assert.Equal(CliRunner.Run("assess", example, "--format", "json", "--data-dir", DataDir).Output, Forward("assess", relative, "--format", "json", "--data-dir", DataDir).Output);
        }
        finally
        {
            Assert.True(Resident.Stop(Socket));
            Assert.True(resident.WaitForExit(10_000), "the resident process did not stop when asked");
        }

        Assert.False(Resident.Listening(Socket), "a resident process still listens");
        Assert.Null(Forward("targets", "--age", "29", "--sex", "female", "--json").Code);
    }

    [SkippableFact]
    public void WhenIdle_ItStops_AndRemovesItsSocket()
    {
        using var resident = StartResident(idleSeconds: 1);
        Assert.True(resident.WaitForExit(15_000), "the resident process did not stop when idle");
        Assert.Equal(0, resident.ExitCode);
        Assert.False(Resident.Listening(Socket));
    }

    [SkippableFact]
    public void WhenItsBuildIsReplaced_ItStops_AndTheCommandRunsItself()
    {
        using var resident = StartResident();
        Assert.Equal(0, Forward("targets", "--age", "29", "--sex", "female", "--json").Code);

        // A rebuild writes the assemblies again: the resident process was started from the build before.
        var assembly = Path.Combine(AppContext.BaseDirectory, "Replete.Planning.dll");
        var written = File.GetLastWriteTimeUtc(assembly);
        try
        {
            File.SetLastWriteTimeUtc(assembly, written.AddSeconds(1));
            Assert.Null(Forward("targets", "--age", "29", "--sex", "female", "--json").Code);
            Assert.True(resident.WaitForExit(10_000), "the resident process of the replaced build did not stop");
        }
        finally
        {
            File.SetLastWriteTimeUtc(assembly, written);
        }

        Assert.False(Resident.Listening(Socket));
    }

    [Fact]
    public void OnlyAFolderNoOtherUserMayEnter_HoldsTheSocket()
    {
        var folder = Path.Combine(TempDirectory, "sockets");
        Assert.True(Resident.PrivateFolder(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Assert.False(Resident.PrivateFolder(folder));
        var link = Path.Combine(TempDirectory, "link");
        Directory.CreateSymbolicLink(link, folder);
        Assert.False(Resident.PrivateFolder(link));
    }

    [Fact]
    public void WithNoResidentProcess_TheCommandRunsItself() =>
        Assert.Null(Forward("targets", "--age", "29", "--sex", "female", "--json").Code);

    public new void Dispose()
    {
        Directory.Delete(Path.GetDirectoryName(socket)!, recursive: true);
        base.Dispose();
    }
}
