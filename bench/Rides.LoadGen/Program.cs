using System.Globalization;
using Rides.LoadGen;
using Rides.LoadGen.Baseline;
using Rides.LoadGen.Client;
using Rides.LoadGen.Hosting;
using Rides.LoadGen.Measurement;
using Rides.LoadGen.Reporting;
using Rides.LoadGen.Runs;

// dotnet run -c Release --project bench/Rides.LoadGen -- --scenario location|dispatch|lifecycle|idle|soak --target embedded|postgres|cluster …
// (see LoadGenOptions.Usage). Two helper modes start this program again as a child: serve-relay and hold.
switch (args)
{
    case ["serve-relay"]:
        return await RelayServer.RunAsync();
    case ["hold", .. var rest]:
        return await ConnectionHolder.RunAsync(rest);
    case ["--help"] or ["-h"]:
        Console.Out.WriteLine(LoadGenOptions.Usage);
        return 0;
}

var options = LoadGenOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

// Whatever way this process ends, the processes it started end with it.
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcess.KillAll();
using var budget = new CancellationTokenSource(options.Budget);
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops the run cleanly (children stopped, report written); a second one ends it at once.
    e.Cancel = !budget.IsCancellationRequested;
    Console.Error.WriteLine("Stopping: Ctrl-C.");
    budget.Cancel();
};

var started = DateTimeOffset.UtcNow;
var outDirectory = Path.GetFullPath(options.Out ?? Path.Combine(Repository.Root, "bench", "results", $"{started:yyyyMMdd-HHmmss}-{options.Scenario}-{options.Target}"));
Directory.CreateDirectory(outDirectory);
var report = new RunReport
{
    Scenario = options.Scenario,
    Target = options.Target,
    Command = "dotnet run -c Release --project bench/Rides.LoadGen -- " + string.Join(' ', args),
    StartedUtc = started.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
    LoadAverageStart = MachineLoad.Now(),
};
report.Settings["budget"] = options.Budget.TotalSeconds.ToString("0 's'", CultureInfo.InvariantCulture);
using var run = new RunContext(options, report, Console.Out, outDirectory);
run.Progress($"{options.Scenario} on {options.Target}; results in {outDirectory}; budget {options.Budget.TotalSeconds:0} s; load average {report.LoadAverageStart}");
var exitCode = 0;
try
{
    await (options.Scenario switch
    {
        "location" => LocationRun.RunAsync(run, budget.Token),
        "dispatch" => DispatchRun.RunAsync(run, budget.Token),
        "lifecycle" => LifecycleRun.RunAsync(run, budget.Token),
        "idle" => IdleRun.RunAsync(run, budget.Token),
        _ => SoakRun.RunAsync(run, budget.Token),
    });
}
catch (OperationCanceledException) when (budget.IsCancellationRequested)
{
    report.Notes.Add($"Stopped before the end: Ctrl-C or the budget of {options.Budget.TotalSeconds:0} s; the figures above are what was measured until then.");
    exitCode = 1;
}
catch (Exception ex)
{
    report.Notes.Add($"Failed: {ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" "));
    Console.Error.WriteLine(ex);
    exitCode = 1;
}
finally
{
    ChildProcess.KillAll();
}

report.FinishedUtc = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
report.LoadAverageEnd = MachineLoad.Now();
Console.Out.WriteLine();
Console.Out.WriteLine(ReportWriter.Write(report, outDirectory));
Console.Out.WriteLine($"Written: {Path.Combine(outDirectory, "result.json")} and result.md");
return exitCode;
