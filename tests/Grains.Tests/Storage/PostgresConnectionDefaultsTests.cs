using Npgsql;
using Rides.Grains.Storage;

namespace Rides.Grains.Tests.Storage;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_without_auto_preparation_gets_it()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=rides;Database=rides;Search Path=s1"));
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal("db", applied.Host);
        Assert.Equal("s1", applied.SearchPath);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db;max auto prepare=7", 7)]
    public void An_operator_setting_is_kept(string connectionString, int expected)
    {
        var applied = PostgresConnectionDefaults.Apply(connectionString);
        Assert.Equal(connectionString, applied);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(applied).MaxAutoPrepare);
    }
}
