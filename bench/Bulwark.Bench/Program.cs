using BenchmarkDotNet.Running;
using Bulwark.Bench;

// `--loop METHOD N`: one free flight in a plain loop (FlightLoop); `--parts N`: the ICBM free flight taken apart
// (FlightParts); `--accuracy N`: N random free flights against tight tolerances (FlightAccuracy); anything else goes to
// BenchmarkDotNet.
if (args is ["--loop", var method, var count])
{
    return FlightLoop.Run(method, count);
}

if (args is ["--parts", var partsCount])
{
    return FlightParts.Run(partsCount);
}

if (args is ["--accuracy", var accuracyCount])
{
    return FlightAccuracy.Run(accuracyCount);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
