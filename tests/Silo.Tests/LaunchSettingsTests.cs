using System.Text.Json;

namespace Rides.Silo.Tests;

/// <summary>`dotnet run --project src/Silo` runs in Development on http://localhost:5000, so the banner and the development issuer agree.</summary>
public sealed class LaunchSettingsTests
{
    [Fact]
    public void Dotnet_run_uses_the_development_environment_on_port_5000()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Silo", "Properties", "launchSettings.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var profiles = document.RootElement.GetProperty("profiles").EnumerateObject().ToList();
        var project = Assert.Single(profiles, p => p.Value.GetProperty("commandName").GetString() == "Project").Value;
        Assert.Equal("http://localhost:5000", project.GetProperty("applicationUrl").GetString());
        Assert.Equal("Development", project.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        Assert.Equal("Development", project.GetProperty("environmentVariables").GetProperty("DOTNET_ENVIRONMENT").GetString());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rides.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Rides.sln was not found above " + AppContext.BaseDirectory);
    }
}
