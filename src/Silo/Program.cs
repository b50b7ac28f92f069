using Rides.Silo.Hosting;

// One process: a silo with the ride grains and the edge (hub, REST, health) on http://localhost:5000.
// In-memory providers unless ConnectionStrings:Rides is set; --urls and ASPNETCORE_URLS are honoured.
var app = RidesSiloApplication.Build(args);
await app.RunAsync();
