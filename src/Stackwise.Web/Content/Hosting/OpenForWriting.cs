using System.Runtime.InteropServices;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// Whether another process still holds a file open for writing. On Linux, a read lease (<c>fcntl F_SETLEASE</c>) is refused
/// with <c>EAGAIN</c> exactly while some process has the file open for writing: one system call, whatever wrote it and
/// however long it paused. Where the answer cannot be had (another operating system, a file system without leases, a
/// file owned by another user without <c>CAP_LEASE</c>, a file already gone) it says no, and the watcher's quiet period
/// is all there is, as before (docs/reliability.md).
/// </summary>
internal static class OpenForWriting
{
    private const int SetLease = 1024;
    private const int ReadLease = 0;
    private const int Unlock = 2;
    private const int TryAgain = 11;

    public static bool Check(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var descriptor = (int)handle.DangerousGetHandle();
            if (Fcntl(descriptor, SetLease, ReadLease) == 0)
            {
                // Given back at once (closing the handle would too): a lease held would make the next writer wait on us.
                _ = Fcntl(descriptor, SetLease, Unlock);
                return false;
            }
            return Marshal.GetLastPInvokeError() == TryAgain;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone, a folder, or unreadable: the load says what it is.
            return false;
        }
    }

    // DllImport, not LibraryImport: the generated stub would need unsafe code allowed in the whole project, for three ints.
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int descriptor, int command, int argument);
}
