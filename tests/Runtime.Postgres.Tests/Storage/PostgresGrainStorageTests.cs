using Rides.Runtime.Postgres.Storage;
using Rides.Runtime.Serialization;
using Rides.Runtime.Storage;
using Rides.TestInfrastructure;

namespace Rides.Runtime.Postgres.Tests.Storage;

public sealed class PostgresGrainStorageTests(PostgresFixture fixture) : PostgresTest(fixture)
{
    private static readonly GrainId Ride = new("ride", "r-1");

    private PostgresGrainStorage CreateStorage() => new("postgres", DataSource, new JsonWireSerializer());

    [Fact]
    public async Task State_round_trips_through_postgres_as_jsonb()
    {
        var storage = CreateStorage();
        var written = new GrainState<RideRecord>(new RideRecord("accepted", 3, ["d-1", "d-2"], RideKind.Premium));
        await storage.WriteStateAsync("ride", Ride, written).DefaultTimeout();

        var read = new GrainState<RideRecord>(new RideRecord("", 0, [], RideKind.Standard));
        await storage.ReadStateAsync("ride", Ride, read).DefaultTimeout();

        Assert.Equal("1", written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("accepted", read.State.Status);
        Assert.Equal(3, read.State.Offers);
        Assert.Equal(["d-1", "d-2"], read.State.Drivers);
        Assert.Equal(RideKind.Premium, read.State.Kind);
        Assert.Equal("Premium", await ScalarAsync<string>("SELECT payload->>'Kind' FROM rides_grain_state"));
        Assert.Equal("jsonb", await ScalarAsync<string>("SELECT pg_typeof(payload)::text FROM rides_grain_state"));
    }

    [Fact]
    public async Task Reading_a_missing_record_gives_no_etag_and_leaves_the_state_alone()
    {
        var storage = CreateStorage();
        var initial = new RideRecord("new", 0, [], RideKind.Standard);
        var state = new GrainState<RideRecord>(initial) { ETag = "7", RecordExists = true };

        await storage.ReadStateAsync("ride", Ride, state).DefaultTimeout();

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Same(initial, state.State);
    }

    [Fact]
    public async Task Each_write_increments_the_version()
    {
        var storage = CreateStorage();
        var state = new GrainState<int>(0);
        var etags = new List<string?>();
        for (var i = 1; i <= 4; i++)
        {
            state.State = i;
            await storage.WriteStateAsync("count", Ride, state).DefaultTimeout();
            etags.Add(state.ETag);
        }

        Assert.Equal(["1", "2", "3", "4"], etags);
        Assert.Equal(4L, await ScalarAsync<long>("SELECT version FROM rides_grain_state"));
    }

    [Fact]
    public async Task Stale_etag_write_throws_and_keeps_newer_state()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync("count", Ride, new GrainState<int>(1)).DefaultTimeout();
        var first = new GrainState<int>(0);
        var second = new GrainState<int>(0);
        await storage.ReadStateAsync("count", Ride, first).DefaultTimeout();
        await storage.ReadStateAsync("count", Ride, second).DefaultTimeout();

        first.State = 10;
        await storage.WriteStateAsync("count", Ride, first).DefaultTimeout();
        second.State = 20;
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("count", Ride, second)).DefaultTimeout();

        Assert.Equal("2", ex.StoredEtag);
        Assert.Equal("1", ex.CurrentEtag);
        Assert.Equal("1", second.ETag);
        var read = new GrainState<int>(0);
        await storage.ReadStateAsync("count", Ride, read).DefaultTimeout();
        Assert.Equal(10, read.State);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Insert_conflict_when_two_writers_start_from_no_record()
    {
        var storage = CreateStorage();
        var first = new GrainState<string>("first");
        var second = new GrainState<string>("second");

        await storage.WriteStateAsync("name", Ride, first).DefaultTimeout();
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("name", Ride, second)).DefaultTimeout();

        Assert.Equal("1", ex.StoredEtag);
        Assert.Null(ex.CurrentEtag);
        Assert.Null(second.ETag);
        Assert.False(second.RecordExists);
        var read = new GrainState<string>("");
        await storage.ReadStateAsync("name", Ride, read).DefaultTimeout();
        Assert.Equal("first", read.State);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task Write_with_an_etag_when_no_record_exists_is_refused()
    {
        var storage = CreateStorage();
        var state = new GrainState<int>(5) { ETag = "1" };

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("count", Ride, state)).DefaultTimeout();

        Assert.Null(ex.StoredEtag);
        Assert.Equal("1", ex.CurrentEtag);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM rides_grain_state"));
    }

    [Fact]
    public async Task Clear_with_stale_etag_is_refused_and_keeps_the_state()
    {
        var storage = CreateStorage();
        var stale = new GrainState<int>(1);
        await storage.WriteStateAsync("count", Ride, stale).DefaultTimeout();
        var current = new GrainState<int>(0);
        await storage.ReadStateAsync("count", Ride, current).DefaultTimeout();
        current.State = 2;
        await storage.WriteStateAsync("count", Ride, current).DefaultTimeout();

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("count", Ride, stale)).DefaultTimeout();

        Assert.Equal("2", ex.StoredEtag);
        Assert.Equal("1", ex.CurrentEtag);
        var read = new GrainState<int>(0);
        await storage.ReadStateAsync("count", Ride, read).DefaultTimeout();
        Assert.Equal(2, read.State);
        Assert.Equal("2", read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Clear_without_etag_is_refused_when_someone_else_wrote_a_record()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync("count", Ride, new GrainState<int>(1)).DefaultTimeout();

        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("count", Ride, new GrainState<int>(0))).DefaultTimeout();

        Assert.Equal("1", ex.StoredEtag);
        Assert.Null(ex.CurrentEtag);
        var read = new GrainState<int>(0);
        await storage.ReadStateAsync("count", Ride, read).DefaultTimeout();
        Assert.Equal(1, read.State);
    }

    [Fact]
    public async Task Clear_of_nothing_without_etag_succeeds()
    {
        var storage = CreateStorage();
        var state = new GrainState<int>(0);

        await storage.ClearStateAsync("count", Ride, state).DefaultTimeout();

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM rides_grain_state"));
    }

    [Fact]
    public async Task Clear_removes_the_record_and_an_etag_from_before_the_clear_never_matches_again()
    {
        var storage = CreateStorage();
        var holder = new GrainState<int>(1);
        await storage.WriteStateAsync("count", Ride, holder).DefaultTimeout();
        var old = new GrainState<int>(0);
        await storage.ReadStateAsync("count", Ride, old).DefaultTimeout();

        await storage.ClearStateAsync("count", Ride, holder).DefaultTimeout();
        var afterClear = new GrainState<int>(-1);
        await storage.ReadStateAsync("count", Ride, afterClear).DefaultTimeout();
        var rewritten = new GrainState<int>(3);
        await storage.WriteStateAsync("count", Ride, rewritten).DefaultTimeout();
        old.State = 99;
        var ex = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("count", Ride, old)).DefaultTimeout();

        Assert.Null(holder.ETag);
        Assert.False(holder.RecordExists);
        Assert.Null(afterClear.ETag);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(-1, afterClear.State);
        Assert.Equal("3", rewritten.ETag);
        Assert.Equal("3", ex.StoredEtag);
        Assert.Equal("1", ex.CurrentEtag);
        var read = new GrainState<int>(0);
        await storage.ReadStateAsync("count", Ride, read).DefaultTimeout();
        Assert.Equal(3, read.State);
    }

    [Fact]
    public async Task Concurrent_writers_from_many_tasks_exactly_one_wins_per_version()
    {
        const int writers = 16;
        const int rounds = 5;
        var storage = CreateStorage();
        var winners = new List<int>();

        for (var round = 0; round < rounds; round++)
        {
            var etag = round == 0 ? null : round.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, writers).Select(async writer =>
            {
                await start.Task;
                var state = new GrainState<int>((round * 100) + writer) { ETag = etag };
                try
                {
                    await storage.WriteStateAsync("count", Ride, state);
                    return (Writer: writer, Won: true, state.ETag);
                }
                catch (InconsistentStateException)
                {
                    return (Writer: writer, Won: false, state.ETag);
                }
            }).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(attempts).DefaultTimeout();

            var won = Assert.Single(results, r => r.Won);
            Assert.Equal((round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), won.ETag);
            Assert.All(results.Where(r => !r.Won), r => Assert.Equal(etag, r.ETag));
            var read = new GrainState<int>(-1);
            await storage.ReadStateAsync("count", Ride, read).DefaultTimeout();
            Assert.Equal((round * 100) + won.Writer, read.State);
            winners.Add(won.Writer);
        }

        Assert.Equal(rounds, winners.Count);
        Assert.Equal((long)rounds, await ScalarAsync<long>("SELECT version FROM rides_grain_state"));
    }

    [Fact]
    public async Task States_of_different_names_and_grains_are_independent()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync("a", Ride, new GrainState<string>("ride-a")).DefaultTimeout();
        await storage.WriteStateAsync("b", Ride, new GrainState<string>("ride-b")).DefaultTimeout();
        await storage.WriteStateAsync("a", new GrainId("ride", "r-2"), new GrainState<string>("other-a")).DefaultTimeout();
        await storage.WriteStateAsync("a", new GrainId("driver", "r-1"), new GrainState<string>("driver-a")).DefaultTimeout();

        var values = new List<string>();
        foreach (var (name, id) in new[] { ("a", Ride), ("b", Ride), ("a", new GrainId("ride", "r-2")), ("a", new GrainId("driver", "r-1")) })
        {
            var read = new GrainState<string>("");
            await storage.ReadStateAsync(name, id, read).DefaultTimeout();
            values.Add($"{read.State}@{read.ETag}");
        }

        Assert.Equal(["ride-a@1", "ride-b@1", "other-a@1", "driver-a@1"], values);
    }

    [Fact]
    public async Task An_etag_that_is_not_a_version_is_rejected_with_a_clear_message()
    {
        var storage = CreateStorage();

        var ex = await Assert.ThrowsAsync<FormatException>(() => storage.WriteStateAsync("count", Ride, new GrainState<int>(1) { ETag = "abc" })).DefaultTimeout();

        Assert.Equal("'abc' is not an ETag of the PostgreSQL grain storage (a positive integer version).", ex.Message);
    }

    [Fact]
    public async Task Null_state_is_stored_as_json_null_and_reads_back_as_a_record()
    {
        var storage = CreateStorage();
        await storage.WriteStateAsync("maybe", Ride, new GrainState<string?>(null)).DefaultTimeout();

        var read = new GrainState<string?>("placeholder");
        await storage.ReadStateAsync("maybe", Ride, read).DefaultTimeout();

        Assert.Null(read.State);
        Assert.True(read.RecordExists);
        Assert.Equal("1", read.ETag);
    }

    public enum RideKind
    {
        Standard,
        Premium,
    }

    public sealed record RideRecord(string Status, int Offers, IReadOnlyList<string> Drivers, RideKind Kind);
}
