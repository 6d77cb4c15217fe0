namespace Bulwark.Sweeps;

/// <summary>A finished run as the store keeps it: its key, inputs and outcomes (shared by every sweep that has the run).</summary>
/// <param name="Key">the run's <see cref="RunKey"/></param>
/// <param name="Inputs">its inputs</param>
/// <param name="Outcomes">its outcomes</param>
public sealed record StoredRun(string Key, InputSet Inputs, Outcomes Outcomes);

/// <summary>A finished run in its place in a sweep.</summary>
/// <param name="Sweep">the sweep (<see cref="SweepDesign.Id"/>)</param>
/// <param name="Ordinal">the run's place in the sweep's design</param>
/// <param name="Key">the run's <see cref="RunKey"/></param>
/// <param name="Inputs">its inputs</param>
/// <param name="Outcomes">its outcomes</param>
public sealed record RunRow(string Sweep, int Ordinal, string Key, InputSet Inputs, Outcomes Outcomes);
