using Rides.Silo.Hosting;
using Rides.Silo.Schema;

// `install-schema`: install or upgrade the PostgreSQL schema, then exit.
if (args is [InstallSchemaCommand.Name, ..])
{
    return await InstallSchemaCommand.RunAsync(args);
}

// The embedded default: one process with an Orleans silo, the ride grains and the edge (hub, REST, health,
// dashboard) on http://localhost:5000, in memory unless ConnectionStrings:Rides is set. Rides:Role=silo or
// edge splits them over processes of one cluster (see docs/operations.md). --urls and ASPNETCORE_URLS are honoured.
Microsoft.AspNetCore.Builder.WebApplication app;
try
{
    app = RidesSiloApplication.Build(args);
}
catch (InvalidOperationException configuration)
{
    await Console.Error.WriteLineAsync("rides: " + configuration.Message);
    return 2;
}

await app.RunAsync();
return 0;
