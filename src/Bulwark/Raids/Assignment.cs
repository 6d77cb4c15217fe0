namespace Bulwark.Raids;

/// <summary>
/// A static weapon–target assignment: how many interceptors each battery fires at each missile, maximising the expected
/// value saved Σᵢ vᵢ (1 − Πᵦ (1 − pᵦ)^nᵢᵦ) subject to each battery's inventory Σᵢ nᵢᵦ ≤ Nᵦ and each pair's cap
/// nᵢᵦ ≤ cᵢᵦ, with nᵢᵦ a multiple of <see cref="Step"/> (2 when every shot is a salvo of two).
/// </summary>
/// <param name="Values">vᵢ, the value of each missile's target</param>
/// <param name="Pk">pᵦ, each battery's single-shot kill probability</param>
/// <param name="Inventory">Nᵦ</param>
/// <param name="Cap">cᵢᵦ: how many interceptors battery b can fire at missile i (0: it cannot engage it)</param>
/// <param name="Step">interceptors per increment (1, or 2 for salvos)</param>
public sealed record AssignmentProblem(double[] Values, double[] Pk, int[] Inventory, int[,] Cap, int Step)
{
    public int Missiles => Values.Length;

    public int Batteries => Pk.Length;

    /// <summary>Σᵢ vᵢ (1 − Πᵦ (1 − pᵦ)^nᵢᵦ) for an assignment n[i, b].</summary>
    public double ExpectedValue(int[,] n)
    {
        double total = 0;
        for (int i = 0; i < Missiles; i++)
        {
            total += Values[i] * (1 - Survival(n, i));
        }

        return total;
    }

    /// <summary>Πᵦ (1 − pᵦ)^nᵢᵦ: the chance missile i survives every shot assigned to it.</summary>
    public double Survival(int[,] n, int i)
    {
        double s = 1;
        for (int b = 0; b < Batteries; b++)
        {
            if (n[i, b] > 0)
            {
                s *= Math.Pow(1 - Pk[b], n[i, b]);
            }
        }

        return s;
    }
}

/// <summary>Solvers for <see cref="AssignmentProblem"/>: a fast marginal-gain heuristic and the exhaustive optimum for small cases.</summary>
public static class Assignment
{
    /// <summary>
    /// Greedy by marginal gain, then local search. Greedy adds, one increment at a time, the (missile, battery) whose next
    /// increment raises the expected value most (vᵢ Sᵢ (1 − (1 − pᵦ)^step), Sᵢ the missile's survival so far; ties to
    /// the earlier missile, then the earlier battery) while inventory and caps allow. The local search then applies any
    /// improving move of one increment of a battery from one missile to another, and any improving chain (battery b moves
    /// an increment from missile i to j while battery c moves one to i from a third missile k, from j, or from its spare
    /// inventory), until none is left. docs/raids.md gives
    /// the gap to the optimum measured on random instances.
    /// </summary>
    public static int[,] Heuristic(AssignmentProblem p)
    {
        int m = p.Missiles, nb = p.Batteries, step = p.Step;
        var n = new int[m, nb];
        int[] left = [.. p.Inventory];
        var survival = new double[m];
        Array.Fill(survival, 1.0);
        var q = new double[nb];
        for (int b = 0; b < nb; b++)
        {
            q[b] = Math.Pow(1 - p.Pk[b], step);
        }

        while (true)
        {
            int bi = -1, bb = -1;
            double best = 0;
            for (int i = 0; i < m; i++)
            {
                for (int b = 0; b < nb; b++)
                {
                    if (left[b] < step || n[i, b] + step > p.Cap[i, b])
                    {
                        continue;
                    }

                    double gain = p.Values[i] * survival[i] * (1 - q[b]);
                    if (gain > best)
                    {
                        (best, bi, bb) = (gain, i, b);
                    }
                }
            }

            if (bi < 0)
            {
                break;
            }

            n[bi, bb] += step;
            left[bb] -= step;
            survival[bi] *= q[bb];
        }

        Improve(p, n, left);
        return n;
    }

    /// <summary>Above this many missiles the chain moves take their second increment from spare inventory only (they cost O(B² M³) a pass).</summary>
    public const int ChainLimit = 40;

    private static void Improve(AssignmentProblem p, int[,] n, int[] left)
    {
        int m = p.Missiles, nb = p.Batteries, step = p.Step;
        const double Eps = 1e-12;
        for (int pass = 0; pass < 100; pass++)
        {
            bool improved = false;
            // Move one increment of battery b from missile i to missile j.
            for (int b = 0; b < nb; b++)
            {
                for (int i = 0; i < m; i++)
                {
                    if (n[i, b] < step)
                    {
                        continue;
                    }

                    for (int j = 0; j < m; j++)
                    {
                        if (j == i || n[j, b] + step > p.Cap[j, b])
                        {
                            continue;
                        }

                        double before = Pair(p, n, i, j);
                        n[i, b] -= step;
                        n[j, b] += step;
                        if (Pair(p, n, i, j) > before + Eps)
                        {
                            improved = true;
                            break;
                        }

                        n[i, b] += step;
                        n[j, b] -= step;
                    }
                }
            }

            int kEnd = m <= ChainLimit ? m : 0;

            // Chain: battery b moves an increment from missile i to j while battery c moves one to i from missile k (any
            // other, j included) or from its spare inventory (k = −1).
            for (int b = 0; b < nb; b++)
            {
                for (int c = 0; c < nb; c++)
                {
                    if (c == b)
                    {
                        continue;
                    }

                    for (int i = 0; i < m; i++)
                    {
                        if (n[i, b] < step || n[i, c] + step > p.Cap[i, c])
                        {
                            continue;
                        }

                        for (int j = 0; j < m; j++)
                        {
                            if (j == i || n[j, b] + step > p.Cap[j, b])
                            {
                                continue;
                            }

                            for (int k = -1; k < kEnd; k++)
                            {
                                if (n[i, b] < step || n[i, c] + step > p.Cap[i, c] || n[j, b] + step > p.Cap[j, b])
                                {
                                    break;
                                }

                                if (k == i || (k >= 0 ? n[k, c] < step : left[c] < step))
                                {
                                    continue;
                                }

                                double before = Triple(p, n, i, j, k);
                                n[i, b] -= step;
                                n[j, b] += step;
                                n[i, c] += step;
                                if (k >= 0)
                                {
                                    n[k, c] -= step;
                                }

                                if (Triple(p, n, i, j, k) > before + Eps)
                                {
                                    if (k < 0)
                                    {
                                        left[c] -= step;
                                    }

                                    improved = true;
                                    continue;
                                }

                                n[i, b] += step;
                                n[j, b] -= step;
                                n[i, c] -= step;
                                if (k >= 0)
                                {
                                    n[k, c] += step;
                                }
                            }
                        }
                    }
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }

    private static double Triple(AssignmentProblem p, int[,] n, int i, int j, int k) =>
        Pair(p, n, i, j) + (k >= 0 && k != j ? p.Values[k] * (1 - p.Survival(n, k)) : 0);

    private static double Pair(AssignmentProblem p, int[,] n, int i, int j) =>
        p.Values[i] * (1 - p.Survival(n, i)) + p.Values[j] * (1 - p.Survival(n, j));

    /// <summary>
    /// The optimum by enumerating every assignment (nᵢᵦ ∈ {0, step, …, cᵢᵦ} within inventory). For checking the heuristic on
    /// small problems: the work is Πᵢᵦ (cᵢᵦ/step + 1).
    /// </summary>
    public static (int[,] Assignment, double Value) Exhaustive(AssignmentProblem p)
    {
        int m = p.Missiles, nb = p.Batteries;
        var n = new int[m, nb];
        var best = new int[m, nb];
        double bestValue = -1;
        int[] left = [.. p.Inventory];

        void Recurse(int cell)
        {
            if (cell == m * nb)
            {
                double v = p.ExpectedValue(n);
                if (v > bestValue)
                {
                    bestValue = v;
                    Array.Copy(n, best, n.Length);
                }

                return;
            }

            int i = cell / nb, b = cell % nb;
            for (int k = 0; k <= p.Cap[i, b] && k <= left[b]; k += p.Step)
            {
                n[i, b] = k;
                left[b] -= k;
                Recurse(cell + 1);
                left[b] += k;
            }

            n[i, b] = 0;
        }

        Recurse(0);
        return (best, bestValue);
    }
}
