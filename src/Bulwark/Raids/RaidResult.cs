namespace Bulwark.Raids;

/// <summary>One battery over the trials.</summary>
/// <param name="Id">battery id</param>
/// <param name="Inventory">interceptors at the start</param>
/// <param name="UsedMean">interceptors fired per trial, mean</param>
/// <param name="LeftMean">interceptors left at the end, mean</param>
/// <param name="RanOutFraction">fraction of trials in which the inventory ran out</param>
/// <param name="RanOutMeanS">when it ran out (the launch that emptied it), s, mean over those trials (null: never)</param>
/// <param name="RanOutEarliestS">the earliest it ran out in any trial, s (null: never)</param>
public sealed record BatteryResult(string Id, int Inventory, double UsedMean, double LeftMean, double RanOutFraction, double? RanOutMeanS, double? RanOutEarliestS);

/// <summary>One target over the trials.</summary>
/// <param name="Id">target place</param>
/// <param name="AimedMean">missiles aimed at it per trial, mean</param>
/// <param name="LeakersMean">missiles that got through to it per trial, mean</param>
public sealed record TargetResult(string Id, double AimedMean, double LeakersMean);

/// <summary>One raid missile over the trials.</summary>
/// <param name="Label">its label</param>
/// <param name="LaunchS">nominal launch time, s</param>
/// <param name="PLeak">fraction of trials in which it got through</param>
public sealed record MissileResult(string Label, double LaunchS, double PLeak);

/// <summary>
/// A raid's Monte Carlo: leakers (mean, distribution, P(zero) with its Wilson 95% interval; those launched at or after
/// the first time a battery ran out; those no interceptor was fired at), interceptors, per battery,
/// target and missile, and the mean inventory over the raid. <see cref="LeakersPerTrial"/> and <see cref="UsedPerTrial"/>
/// keep every trial for paired comparisons.
/// </summary>
public sealed record RaidResult(
    int Trials,
    ulong Seed,
    double MeanLeakers,
    double PZeroLeakers,
    (double Low, double High) PZeroLeakersCi95,
    double InterceptorsUsedMean,
    double LeakersAfterRunOutMean,
    double LeakersUnengagedMean,
    IReadOnlyList<long> LeakerHistogram,
    IReadOnlyList<BatteryResult> Batteries,
    IReadOnlyList<TargetResult> Targets,
    IReadOnlyList<MissileResult> Missiles,
    IReadOnlyList<double> InventoryTimesS,
    IReadOnlyList<IReadOnlyList<double>> InventoryMean,
    int[] LeakersPerTrial,
    int[] UsedPerTrial);
