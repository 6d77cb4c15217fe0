using BenchmarkDotNet.Running;
using Bulwark.Bench;

// `--loop METHOD N`: one free flight in a plain loop (FlightLoop); anything else goes to BenchmarkDotNet.
if (args is ["--loop", var method, var count])
{
    return FlightLoop.Run(method, count);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
