namespace Stackwise.Web.Search;

/// <summary>
/// One snapshot's search index, built once by the first caller on that caller's thread (the warmer, right after the
/// snapshot goes live); a search that comes while it is being built waits for it without holding a thread. It used to
/// wait in a <see cref="Lazy{T}"/>: right after a start, with 256 clients of the mix, every search blocked a pool
/// thread for the seconds the first index takes, the pool ran out, and articles waited behind them (article p99 3-4 s;
/// "A search during the first build awaits it" in docs/performance.md).
/// </summary>
internal sealed class IndexBuild(Func<SearchIndex> build)
{
    private readonly TaskCompletionSource<SearchIndex> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>True once the index is built (and its build did not fail).</summary>
    public bool IsBuilt => _built.Task.IsCompletedSuccessfully;

    /// <summary>The index: built by this call when it is the first, else the build already made or under way.</summary>
    public Task<SearchIndex> GetAsync()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            try
            {
                _built.SetResult(build());
            }
            catch (Exception e)
            {
                _built.SetException(e);
            }
        }
        return _built.Task;
    }
}
