using Stackwise.Web.Content.Snapshot;

namespace Stackwise.Web.Content.Hosting;

/// <summary>
/// What the <see cref="ContentWatcher"/>'s events named since the last reload took them: the paths, relative to the
/// watched folder, or everything. Whether they are every change there was (<see cref="ChangedFiles.IsComplete"/>)
/// depends on whether the watch saw all of them since the snapshot they change was listed.
/// </summary>
internal sealed class PendingChanges(bool complete)
{
    private readonly Lock _lock = new();
    private HashSet<string> _paths = new(StringComparer.Ordinal);
    private bool _everything;

    // False until the first reload since the watch was armed (unless it was armed before the first load): that reload
    // replaces a snapshot loaded before the watch began, so changes made in between were never named, and it lists the
    // whole folder. Every later one names every change.
    private bool _complete = complete;

    /// <param name="relative">A path an event named, or null when any file may have changed.</param>
    public void Add(string? relative)
    {
        lock (_lock)
        {
            if (relative is null)
            {
                _everything = true;
            }
            else
            {
                _paths.Add(relative);
            }
        }
    }

    /// <summary>
    /// The watch started again (its folder came back, or the root now leads to another folder): changes may have gone
    /// unseen, so the next reload reads everything.
    /// </summary>
    public void Restart()
    {
        lock (_lock)
        {
            _everything = true;
            _complete = false;
        }
    }

    /// <summary>The changes named since the last call; the next events start a new set.</summary>
    public ChangedFiles Take()
    {
        lock (_lock)
        {
            var changes = _everything ? ChangedFiles.Everything : _complete ? ChangedFiles.Complete(_paths) : ChangedFiles.Of(_paths);
            _paths = new HashSet<string>(StringComparer.Ordinal);
            _everything = false;
            _complete = true;
            return changes;
        }
    }

    /// <summary>The paths named so far, without taking them.</summary>
    public string[] Paths()
    {
        lock (_lock)
        {
            return [.. _paths];
        }
    }
}
