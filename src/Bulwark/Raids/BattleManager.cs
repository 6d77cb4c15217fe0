using Bulwark.Engagement;

namespace Bulwark.Raids;

/// <summary>One interceptor launch (or a salvo) in a trial.</summary>
/// <param name="TimeS">launch time, s since the raid's epoch</param>
/// <param name="Battery">battery index</param>
/// <param name="Missile">missile index</param>
/// <param name="Count">interceptors launched</param>
public readonly record struct Launch(double TimeS, int Battery, int Missile, int Count);

/// <summary>What happened in one trial.</summary>
public sealed class TrialOutcome
{
    /// <summary>Per missile: the kind it was (its target), its launch time (s) and whether it got through.</summary>
    public required int[] Kind { get; init; }

    public required double[] LaunchS { get; init; }

    public required bool[] Leaked { get; init; }

    /// <summary>Per battery: interceptors fired, and when its inventory ran out (NaN: it did not).</summary>
    public required int[] Used { get; init; }

    public required double[] RunOutS { get; init; }

    /// <summary>Every launch, in time order.</summary>
    public required List<Launch> Launches { get; init; }

    public int Leakers => Leaked.Count(x => x);

    public int InterceptorsUsed => Used.Sum();
}

/// <summary>
/// The battle manager of one trial (docs/raids.md): draws the trial's launch times, sensor delays and targets, plans a
/// weapon–target assignment over the raid with <see cref="Assignment.Heuristic"/>, then fires it in time order — each
/// battery from its inventory, each launcher no more often than its interval, under the firing policy — drawing each
/// interceptor's outcome from its kill probability with <see cref="CounterRandom"/>.
/// </summary>
public static class BattleManager
{
    public static TrialOutcome Run(RaidProblem p, ulong seed, long trial)
    {
        int m = p.Missiles.Count, nb = p.Batteries.Count;
        var kind = new int[m];
        var launch = new double[m];
        var delay = new double[m];
        for (int i = 0; i < m; i++)
        {
            RaidMissile missile = p.Missiles[i];
            kind[i] = PickKind(missile, CounterRandom.Uniform(seed, trial, i, DrawPurpose.Target, 0));
            launch[i] = missile.LaunchS + (p.LaunchTimeUncertaintyS > 0
                ? (2 * CounterRandom.Uniform(seed, trial, i, DrawPurpose.LaunchTime, 0) - 1) * p.LaunchTimeUncertaintyS
                : 0);
            delay[i] = p.SensorDelayMaxS > 0 ? CounterRandom.Uniform(seed, trial, i, DrawPurpose.SensorDelay, 0) * p.SensorDelayMaxS : 0;
        }

        // Plan: how many interceptors each battery may fire at each missile, then the assignment.
        int step = p.Firing == FiringMode.Salvo ? 2 : 1;
        var cap = new int[m, nb];
        var looks = new int[m, nb];
        for (int i = 0; i < m; i++)
        {
            for (int b = 0; b < nb; b++)
            {
                KindAtBattery kb = p.Kinds[kind[i]].Batteries[b];
                if (kb.EarliestLaunchS is not { } earliest)
                {
                    continue;
                }

                int s = Looks(kb.Opportunities, earliest + delay[i], p.KillAssessmentS);
                looks[i, b] = s;
                cap[i, b] = p.Firing switch
                {
                    FiringMode.ShootLookShoot => Math.Min(p.MaxShotsPerThreat, s),
                    FiringMode.Salvo => Math.Min(p.MaxShotsPerThreat / 2 * 2, 2 * s),
                    _ => Math.Min(p.MaxShotsPerThreat, 2 * s),
                };
            }
        }

        var problem = new AssignmentProblem(
            [.. kind.Select(k => p.Kinds[k].Value)],
            [.. p.Batteries.Select(b => b.SingleShotPk)],
            [.. p.Batteries.Select(b => b.Inventory)],
            cap,
            step);
        int[,] n = Assignment.Heuristic(problem);

        // Execute, in time order.
        var engagements = new List<Engaging>();
        for (int i = 0; i < m; i++)
        {
            for (int b = 0; b < nb; b++)
            {
                if (n[i, b] > 0)
                {
                    KindAtBattery kb = p.Kinds[kind[i]].Batteries[b];
                    engagements.Add(new Engaging(i, b, Stages(p.Firing, n[i, b], looks[i, b]), launch[i] + kb.EarliestLaunchS!.Value + delay[i], kb.Opportunities));
                }
            }
        }

        var free = p.Batteries.Select(b => Enumerable.Repeat(double.NegativeInfinity, b.Launchers).ToArray()).ToArray();
        int[] inventory = [.. p.Batteries.Select(b => b.Inventory)];
        var used = new int[nb];
        var runOut = Enumerable.Repeat(double.NaN, nb).ToArray();
        var killS = Enumerable.Repeat(double.PositiveInfinity, m).ToArray();
        var shotIndex = new int[m];
        var launches = new List<Launch>();
        while (true)
        {
            Engaging? next = null;
            double nextT = double.PositiveInfinity;
            foreach (Engaging e in engagements)
            {
                if (e.Done)
                {
                    continue;
                }

                int size = e.Sizes[e.Stage];
                double[] f = free[e.Battery];
                double ready = f[Math.Min(size, f.Length) - 1];
                double notBefore = Math.Max(e.NotBeforeS, ready);
                double t0 = launch[e.Missile];
                while (e.Next < e.Opportunities.Count && t0 + e.Opportunities[e.Next].LaunchS < notBefore)
                {
                    e.Next++;
                }

                if (e.Next == e.Opportunities.Count)
                {
                    e.Done = true;
                    continue;
                }

                double t = t0 + e.Opportunities[e.Next].LaunchS;
                if (t < nextT)
                {
                    (next, nextT) = (e, t);
                }
            }

            if (next is null)
            {
                break;
            }

            int i = next.Missile, bi = next.Battery;
            Opportunity opp = next.Opportunities[next.Next];
            int k = Math.Min(next.Sizes[next.Stage], inventory[bi]);
            if (killS[i] + p.KillAssessmentS <= nextT || k == 0)
            {
                next.Done = true; // seen killed: the rest of the allotment is saved; or nothing left to fire
                continue;
            }

            Fire(free[bi], k, nextT + p.Batteries[bi].MinLaunchIntervalS);
            inventory[bi] -= k;
            used[bi] += k;
            if (inventory[bi] == 0 && double.IsNaN(runOut[bi]))
            {
                runOut[bi] = nextT;
            }

            launches.Add(new Launch(nextT, bi, i, k));
            bool kill = false;
            for (int s = 0; s < k; s++)
            {
                kill |= CounterRandom.Uniform(seed, trial, i, DrawPurpose.Shot, shotIndex[i]++) < p.Batteries[bi].SingleShotPk;
            }

            if (kill)
            {
                killS[i] = Math.Min(killS[i], launch[i] + opp.InterceptS);
            }

            next.Stage++;
            next.Next++;
            next.NotBeforeS = launch[i] + opp.InterceptS + p.KillAssessmentS;
            next.Done = next.Stage == next.Sizes.Length;
        }

        return new TrialOutcome
        {
            Kind = kind,
            LaunchS = launch,
            Leaked = [.. killS.Select(double.IsPositiveInfinity)],
            Used = used,
            RunOutS = runOut,
            Launches = launches,
        };
    }

    /// <summary>How many shoot-look-shoot stages fit: the first opportunity from <paramref name="fromS"/>, then each next one launched after the previous intercept plus the kill assessment.</summary>
    public static int Looks(IReadOnlyList<Opportunity> opportunities, double fromS, double killAssessmentS)
    {
        int count = 0;
        double next = fromS;
        foreach (Opportunity o in opportunities)
        {
            if (o.LaunchS >= next)
            {
                count++;
                next = o.InterceptS + killAssessmentS;
            }
        }

        return count;
    }

    /// <summary>
    /// Interceptors per stage for an allotment of <paramref name="n"/> with <paramref name="looks"/> stages available:
    /// singles for shoot-look-shoot, pairs for salvo; adaptive fires singles first and pairs in the last stages only
    /// when the allotment exceeds the looks (a look after a single saves interceptors more often than after a pair).
    /// </summary>
    public static int[] Stages(FiringMode firing, int n, int looks)
    {
        switch (firing)
        {
            case FiringMode.ShootLookShoot:
                return Enumerable.Repeat(1, n).ToArray();
            case FiringMode.Salvo:
                return Enumerable.Repeat(2, n / 2).ToArray();
            default:
                int stages = Math.Min(n, looks);
                int pairs = n - stages;
                return [.. Enumerable.Repeat(1, stages - pairs), .. Enumerable.Repeat(2, pairs)];
        }
    }

    private static int PickKind(RaidMissile missile, double u)
    {
        if (missile.Kinds.Count == 1)
        {
            return missile.Kinds[0].Kind;
        }

        double total = missile.Kinds.Sum(k => k.Weight), x = u * total, sum = 0;
        foreach (var (k, w) in missile.Kinds)
        {
            sum += w;
            if (x < sum)
            {
                return k;
            }
        }

        return missile.Kinds[^1].Kind;
    }

    /// <summary>Takes the <paramref name="k"/> launchers free soonest (the array is kept sorted) and frees them again at <paramref name="freeAgainS"/>.</summary>
    private static void Fire(double[] free, int k, double freeAgainS)
    {
        k = Math.Min(k, free.Length);
        Array.Copy(free, k, free, 0, free.Length - k);
        for (int j = free.Length - k; j < free.Length; j++)
        {
            free[j] = freeAgainS;
        }
    }

    private sealed class Engaging(int missile, int battery, int[] sizes, double notBeforeS, IReadOnlyList<Opportunity> opportunities)
    {
        public int Missile { get; } = missile;

        public int Battery { get; } = battery;

        public int[] Sizes { get; } = sizes;

        public IReadOnlyList<Opportunity> Opportunities { get; } = opportunities;

        public double NotBeforeS { get; set; } = notBeforeS;

        public int Stage { get; set; }

        public int Next { get; set; }

        public bool Done { get; set; }
    }
}
