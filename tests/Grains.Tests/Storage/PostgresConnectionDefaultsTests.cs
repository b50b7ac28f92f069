using Npgsql;
using Rides.Grains.Storage;

namespace Rides.Grains.Tests.Storage;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_naming_neither_gets_auto_preparation_and_no_reset_on_close()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=rides;Database=rides;Search Path=s1"));
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("db", applied.Host);
        Assert.Equal("s1", applied.SearchPath);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;MaxAutoPrepare=5;NoResetOnClose=true", 5, true)]
    [InlineData("Host=db;max auto prepare=7;no reset on close=False", 7, false)]
    public void Operator_settings_are_kept(string connectionString, int prepare, bool noReset)
    {
        var applied = PostgresConnectionDefaults.Apply(connectionString);
        Assert.Equal(connectionString, applied);
        var builder = new NpgsqlConnectionStringBuilder(applied);
        Assert.Equal(prepare, builder.MaxAutoPrepare);
        Assert.Equal(noReset, builder.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;No Reset On Close=false", PostgresConnectionDefaults.MaxAutoPrepare, false)]
    public void Each_default_is_added_only_where_the_operator_named_none(string connectionString, int prepare, bool noReset)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));
        Assert.Equal(prepare, builder.MaxAutoPrepare);
        Assert.Equal(noReset, builder.NoResetOnClose);
    }
}
