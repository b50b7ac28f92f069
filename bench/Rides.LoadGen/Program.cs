using Rides.LoadGen;
using Rides.LoadGen.Reporting;

// dotnet run -c Release --project bench/Rides.LoadGen -- [--rides 50] [--seconds 20] [--warmup 2] [--ping-rounds 10]
var options = LoadGenOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var budget = new CancellationTokenSource(options.Budget);
try
{
    var result = await LoadRun.RunAsync(options, Console.Out, budget.Token);
    Report.Write(Console.Out, options, result);
    return 0;
}
catch (OperationCanceledException) when (budget.IsCancellationRequested)
{
    Console.Error.WriteLine($"Stopped: the run took longer than its budget of {options.Budget.TotalSeconds:F0} s.");
    return 1;
}
