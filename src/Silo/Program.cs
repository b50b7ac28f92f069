using Rides.Silo.Hosting;
using Rides.Silo.Schema;

// `install-schema`: install or upgrade the PostgreSQL schema, then exit.
if (args is [InstallSchemaCommand.Name, ..])
{
    return await InstallSchemaCommand.RunAsync(args);
}

// One process: an Orleans silo with the ride grains and the edge (hub, REST, health, dashboard) on
// http://localhost:5000. In-memory providers unless ConnectionStrings:Rides is set; --urls and
// ASPNETCORE_URLS are honoured.
var app = RidesSiloApplication.Build(args);
await app.RunAsync();
return 0;
