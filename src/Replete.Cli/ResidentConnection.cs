using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Replete.Cli;

/// <summary>A command's connection to the resident replete: a Unix stream socket opened with the C library's
/// <c>socket</c> and <c>connect</c> and read and written as a file.</summary>
/// <remarks>Written by hand rather than with <see cref="System.Net.Sockets.Socket"/>: every forwarded command pays for
/// the client's start, and loading and starting System.Net.Sockets costs about 12 ms of processor time there, a third of
/// a hello-world program (measured with hyperfine, user time, against a client written this way). The resident process
/// itself listens with <see cref="System.Net.Sockets.Socket"/>.</remarks>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class ResidentConnection
{
    private const int AddressFamilyUnix = 1;
    private const int SocketStream = 1;

    /// <summary>Room for the path in <c>struct sockaddr_un</c> on Linux (<c>sun_path[108]</c>, with its terminating zero).</summary>
    private const int PathRoom = 108;

    /// <summary>A stream on the socket at <paramref name="path"/>, or null where nothing listens there (or the path does
    /// not fit a socket address).</summary>
    public static Stream? Open(string path)
    {
        var name = Encoding.UTF8.GetBytes(path);
        if (name.Length >= PathRoom)
        {
            return null;
        }

        var fd = socket(AddressFamilyUnix, SocketStream, 0);
        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var address = new byte[2 + PathRoom];
        BitConverter.TryWriteBytes(address, (ushort)AddressFamilyUnix);
        name.CopyTo(address, 2);
        if (connect(fd, address, 2 + name.Length + 1) != 0)
        {
            handle.Dispose();
            return null;
        }

        return new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0);
    }

    [DllImport("libc")]
    private static extern int socket(int domain, int type, int protocol);

    [DllImport("libc")]
    private static extern int connect(int fd, byte[] address, int length);
}
