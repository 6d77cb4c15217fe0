using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bulwark.Catalog;
using Bulwark.Catalog.Reading;
using Bulwark.Flight.Vehicles;
using Bulwark.Tests.Validation;
using CsCheck;

namespace Bulwark.Tests.Catalog.Reading;

/// <summary>
/// In-process fuzzing of every reader (issue 18 item 5): structured mutations of the shipped valid files (scenarios,
/// raids, flight files, missile and interceptor entries, the study) are fed to the reader that reads them. An input
/// passes when the reader returns or throws an <see cref="InputException"/>; any other exception, an input that takes
/// longer than <see cref="TimeLimit"/> or allocates more than <see cref="AllocationLimit"/> is a bug. Every input that
/// ever failed is kept in Data/fuzz-corpus/ (named READER-*.yaml) and replayed on every run.
/// </summary>
public partial class ReaderFuzzTests
{
    /// <summary>The readers fuzzed; a corpus file's name starts with one of these (lower case).</summary>
    public enum Reader
    {
        /// <summary><see cref="ScenarioLoader.Validate"/> and <see cref="ScenarioLoader.Load"/> on the shipped scenarios.</summary>
        Scenario,

        /// <summary>The scenario loader on the shipped raid scenarios (the <c>raid:</c> block).</summary>
        Raid,

        /// <summary><see cref="FlightFile.Parse"/> on the example flight files (parsing only: nothing is flown).</summary>
        Flight,

        /// <summary><see cref="MissileFile.Parse"/> on a catalog missile as a missile file, and a scenario defining it.</summary>
        Missile,

        /// <summary><see cref="InterceptorFile.Read"/> on a catalog interceptor, and a scenario defining it.</summary>
        Interceptor,

        /// <summary><see cref="StudyReader.Validate"/> and <see cref="StudyReader.Read"/> on the shipped study.</summary>
        Study,

        /// <summary><see cref="InputValidation.Validate"/> (what <c>bulwark validate</c> runs) on every non-flight seed.</summary>
        Validate,
    }

    /// <summary>The longest one input may take (parsing is milliseconds; the margin is for a loaded machine).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>The most one input may allocate, bytes.</summary>
    public const long AllocationLimit = 1L << 30;

    /// <summary>The input being read (for a failure that ends the process, such as a stack overflow).</summary>
    public static readonly string CurrentInputFile = Path.Combine(Path.GetTempPath(), $"bulwark-fuzz-input-{Environment.ProcessId}.yaml");

    private const int RegularInputsPerReader = 150;

    private const int LongRunInputsPerReader = 15_000;

    public static TheoryData<string> Readers() => [.. Enum.GetNames<Reader>()];

    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(TestData.Path("Data", "fuzz-corpus"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>The un-mutated seeds are valid: each reader accepts its seeds without a problem.</summary>
    [Theory]
    [MemberData(nameof(Readers))]
    public void TheSeedsAreValid(string reader)
    {
        Reader r = Enum.Parse<Reader>(reader);
        foreach (var (name, text) in Seeds(r))
        {
            try
            {
                Read(r, text);
            }
            catch (InputException e)
            {
                Assert.Fail($"seed {name}: {e.Message}");
            }
        }
    }

    /// <summary>Every input that ever failed is read again: it must now pass.</summary>
    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void TheCorpusOfPastFailuresPasses(string file)
    {
        string prefix = file[..file.IndexOf('-', StringComparison.Ordinal)];
        Reader r = Enum.Parse<Reader>(prefix, ignoreCase: true);
        string text = File.ReadAllText(TestData.Path("Data", "fuzz-corpus", file));
        string? failure = Check(r, text);
        Assert.True(failure is null, failure);
    }

    /// <summary>A modest fuzz run of every reader, in every test run (fixed seed).</summary>
    [Theory]
    [MemberData(nameof(Readers))]
    public void MutatedInputsOnlyEverRaiseInputExceptions(string reader)
    {
        var counts = Fuzz(Enum.Parse<Reader>(reader), RegularInputsPerReader, "0RegularFuzz");
        TestContext.Current.TestOutputHelper?.WriteLine(counts.ToString());
    }

    /// <summary>The long fuzz run (≥ 100,000 inputs across the readers); its result is in docs/validation.md.</summary>
    [Fact(Explicit = true)]
    [ValidationCase(ValidationArea.Catalog, "Fuzzed input files only ever raise located input errors (long run)",
        Source = "property: CsCheck-generated structured mutations of every shipped scenario, raid, flight file, catalog missile and interceptor entry and the study (lines deleted, duplicated, swapped, re-indented; values replaced by huge, tiny, negative, NaN, empty, unicode, nested; keys dropped or renamed; truncation; anchors and aliases; deep nesting; BOMs, tabs, NULs), read by every reader and by bulwark validate",
        Tolerance = "0 crashes (an exception other than InputException), 0 hangs (an input over 20 s), 0 inputs allocating over 1 GiB, in at least 100,000 inputs",
        Why = "a reader must turn any bad input into a located one-line error (exit 2), never a stack trace (exit 1) or a hang",
        Note = "parsing and checking only: nothing is flown, so the flight-time bound of flight files is not exercised here")]
    public void LongFuzzRun()
    {
        var total = new Counts();
        var watch = Stopwatch.StartNew();
        foreach (Reader r in Enum.GetValues<Reader>())
        {
            Counts c = Fuzz(r, LongRunInputsPerReader, "0LongFuzzRun1");
            TestContext.Current.TestOutputHelper?.WriteLine($"{r}: {c}");
            total.Add(c);
        }

        Assert.True(total.Inputs >= 100_000, $"only {total.Inputs} inputs");
        ValidationLog.Measured(string.Create(CultureInfo.InvariantCulture,
            $"{total.Inputs:N0} inputs ({total.Accepted:N0} accepted, {total.Refused:N0} refused with an InputException) over {Enum.GetValues<Reader>().Length} readers: 0 crashes, 0 hangs, slowest input {total.SlowestMs:0} ms, {watch.Elapsed.TotalSeconds:0} s in all"));
    }

    /// <summary>What a fuzz run saw.</summary>
    public sealed class Counts
    {
        public int Inputs;
        public int Accepted;
        public int Refused;
        public double SlowestMs;

        public void Add(Counts c)
        {
            Inputs += c.Inputs;
            Accepted += c.Accepted;
            Refused += c.Refused;
            SlowestMs = Math.Max(SlowestMs, c.SlowestMs);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Inputs} inputs: {Accepted} accepted, {Refused} refused, slowest {SlowestMs:0} ms");
    }

    private static Counts Fuzz(Reader reader, int inputs, string seed)
    {
        var seeds = Seeds(reader);
        var counts = new Counts();
        var gate = new Lock();
        Input(seeds).Sample(text =>
        {
            var sw = Stopwatch.StartNew();
            string? failure = Check(reader, text, out bool accepted);
            lock (gate)
            {
                counts.Inputs++;
                if (accepted)
                {
                    counts.Accepted++;
                }
                else
                {
                    counts.Refused++;
                }

                counts.SlowestMs = Math.Max(counts.SlowestMs, sw.Elapsed.TotalMilliseconds);
            }

            if (failure is not null)
            {
                throw new InvalidOperationException($"{reader} reader: {failure}\n--- input ---\n{text}\n--- end ---");
            }
        }, iter: inputs, threads: 1, seed: seed, print: t => "\n" + t);
        return counts;
    }

    /// <summary>Null when <paramref name="text"/> passes, else what went wrong.</summary>
    public static string? Check(Reader reader, string text) => Check(reader, text, out _);

    private static string? Check(Reader reader, string text, out bool accepted)
    {
        // A stack overflow ends the process before any report: the input being read is kept on disk to find it then.
        File.WriteAllText(CurrentInputFile, $"# {reader}\n{text}", new UTF8Encoding(false, false));
        bool ok = false;
        Exception? thrown = null;
        long allocated = 0;
        var task = Task.Factory.StartNew(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                Read(reader, text);
                ok = true;
            }
            catch (InputException)
            {
            }
            catch (Exception e)
            {
                thrown = e;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        accepted = false;
        if (!task.Wait(TimeLimit))
        {
            return $"hang: the input took longer than {TimeLimit.TotalSeconds} s";
        }

        accepted = ok;
        if (thrown is not null)
        {
            return $"crash: {thrown.GetType().FullName}: {thrown.Message}\n{thrown.StackTrace}";
        }

        return allocated > AllocationLimit ? $"memory: the input allocated {allocated:N0} bytes" : null;
    }

    /// <summary>Reads <paramref name="text"/> with <paramref name="reader"/>; an <see cref="InputException"/> is a refusal.</summary>
    private static void Read(Reader reader, string text)
    {
        const string file = "fuzz.yaml";
        switch (reader)
        {
            case Reader.Scenario:
            case Reader.Raid:
                ThrowFirst(ScenarioLoader.Validate(file, text));
                ScenarioLoader.Load(file, text);
                break;
            case Reader.Flight:
                FlightFile.Parse(file, text, ResolveMissile);
                break;
            case Reader.Missile:
            case Reader.Interceptor:
                YamlNode root = YamlNode.Parse(file, text);
                if (root.Has("define"))
                {
                    ThrowFirst(ScenarioLoader.Validate(file, text));
                    ScenarioLoader.Load(file, text);
                }
                else if (reader == Reader.Missile)
                {
                    MissileFile.Parse(file, text);
                }
                else
                {
                    InterceptorFile.Read(root);
                }

                break;
            case Reader.Study:
                ThrowFirst(StudyReader.Validate(file, text));
                StudyReader.Read(file, text);
                break;
            case Reader.Validate:
                // bulwark validate flies a flight file (to bound its length); flight files are fuzzed by the Flight reader.
                if (YamlNode.Parse(file, text).Has("initial"))
                {
                    return;
                }

                ThrowFirst(InputValidation.Validate(file, text, ResolveMissile));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reader));
        }
    }

    private static void ThrowFirst(IReadOnlyList<InputException> problems)
    {
        if (problems.Count > 0)
        {
            throw problems[0];
        }
    }

    /// <summary>A flight file's <c>missile:</c>: a catalog missile (the CLI also reads a path; no files are read here).</summary>
    private static IGuidedMissile ResolveMissile(string value) =>
        BulwarkCatalog.BuiltIn.Find(value) is { Kind: "missiles" }
            ? BulwarkCatalog.BuiltIn.Missile(value)
            : throw new InputException(null, null, null, "--missile", $"'{value}' is not a catalog missile");

    // ---- Seeds ----

    private static readonly Lazy<Dictionary<Reader, (string Name, string Text)[]>> AllSeeds = new(BuildSeeds);

    private static (string Name, string Text)[] Seeds(Reader reader) => AllSeeds.Value[reader];

    private static Dictionary<Reader, (string Name, string Text)[]> BuildSeeds()
    {
        static (string, string)[] Files(string dir, Func<string, bool>? keep = null) =>
            [.. Directory.GetFiles(TestData.Path(dir), "*.yaml").Order(StringComparer.Ordinal)
                .Where(f => keep?.Invoke(f) ?? true).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];

        var scenarios = Files("scenarios", f => !File.ReadAllText(f).Contains("\nraid:", StringComparison.Ordinal));
        var raids = Files("scenarios", f => File.ReadAllText(f).Contains("\nraid:", StringComparison.Ordinal));
        var flights = Files(Path.Combine("examples", "flights"));
        string firstFlight = flights[0].Item2;
        flights = [.. flights, ("catalog-missile-rv.yaml", VehicleLine().Replace(firstFlight, "missile: sejjil-2"))];
        var studies = Files("studies");

        string missiles = File.ReadAllText(TestData.Path("catalog", "missiles.yaml"));
        string interceptors = File.ReadAllText(TestData.Path("catalog", "interceptors.yaml"));
        (string, string)[] missileSeeds =
        [
            .. new[] { "shahab-3", "sejjil-2", "topol-m" }.Select(id => ($"{id}-file.yaml", AsFile(Entry(missiles, id)))),
            ("shahab-3-defined.yaml", Defined("missiles", Entry(missiles, "shahab-3"), "fuzz-missile",
                "threats:\n  - { missile: fuzz-missile, from: tabriz, to: ankara }\n")),
        ];
        (string, string)[] interceptorSeeds =
        [
            .. new[] { "sm-3-iia", "gbi-3-stage" }.Select(id => ($"{id}-file.yaml", AsFile(Entry(interceptors, id)))),
            ("sm-3-ib-defined.yaml", Defined("interceptors", Entry(interceptors, "sm-3-ib"), "fuzz-interceptor", "")),
        ];
        return new()
        {
            [Reader.Scenario] = scenarios,
            [Reader.Raid] = raids,
            [Reader.Flight] = flights,
            [Reader.Missile] = missileSeeds,
            [Reader.Interceptor] = interceptorSeeds,
            [Reader.Study] = studies,
            [Reader.Validate] = [.. scenarios, .. raids, .. studies, missileSeeds[0], missileSeeds[^1], interceptorSeeds[^1]],
        };
    }

    /// <summary>One catalog entry ("  - id: ID" and the lines under it), as written in the catalog file.</summary>
    private static string Entry(string catalogText, string id)
    {
        string[] lines = catalogText.Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd() == $"  - id: {id}");
        Assert.True(start >= 0, id);
        int end = start + 1;
        while (end < lines.Length && (lines[end].StartsWith("    ", StringComparison.Ordinal) || lines[end].Length == 0)
            && !lines[end].StartsWith("  - ", StringComparison.Ordinal))
        {
            end++;
        }

        return string.Join('\n', lines[start..end]).TrimEnd() + "\n";
    }

    /// <summary>A catalog entry as a file of its own (the missile-file format of docs/flight-files.md).</summary>
    private static string AsFile(string entry) =>
        string.Join('\n', entry.Split('\n').Select(l => l.Length >= 4 ? l[4..] : l.TrimStart()));

    /// <summary>A scenario whose <c>define:</c> block holds <paramref name="entry"/> under a new id.</summary>
    private static string Defined(string kind, string entry, string newId, string rest)
    {
        string indented = string.Join('\n', entry.Split('\n').Select(l => l.Length > 0 ? "  " + l : l));
        indented = Regex.Replace(indented, @"^    - id: \S+", $"    - id: {newId}", RegexOptions.Multiline);
        return $"name: fuzz\narchitecture: epaa-phase-3-2018\n{rest}define:\n  {kind}:\n{indented}";
    }

    [GeneratedRegex(@"^vehicle:.*$", RegexOptions.Multiline)]
    private static partial Regex VehicleLine();

    // ---- Mutations ----

    /// <summary>One mutation: its kind, two positions (taken modulo what they index) and a generated scalar.</summary>
    private readonly record struct Mutation(int Kind, int A, int B, string Value);

    private const int MutationKinds = 14;

    private static readonly string[] Keys =
    [
        "name", "id", "architecture", "threats", "overrides", "define", "raid", "missiles", "interceptors", "places",
        "sensors", "architectures", "missile", "from", "to", "count", "stages", "burnout", "vehicle", "earth", "stop",
        "output", "provenance", "\"*\"", "confidence", "source", "study", "kind", "type", "model", "mass_kg", "cd", "mach",
        "lat_deg", "lon_deg", "time_s", "step_s", "window", "targets", "weight", "firing", "guidance", "law", "body",
        "<<", "? complex", "\"\"", "x", "ünï", "a.b", "0", "~", "null", "true", "-",
    ];

    private static readonly string[] SpecialScalars =
    [
        "1e308", "-1e308", "1e309", "-1e309", "4.9e-324", "1e-320", "0", "-0", "-1", "-1e-9", "2147483647", "2147483648",
        "-2147483649", "9223372036854775807", "9223372036854775808", "18446744073709551616", "1e30", ".nan", ".NaN",
        "NaN", ".inf", "-.inf", "Infinity", "0x7fffffff", "0o17", "1_000", "1,5", "+5", "5.", ".5", "1e", "--1", "",
        "''", "\"\"", "~", "null", "Null", "true", "false", "yes", "no", "2026-12-06", "12:30:00", "ünïcödé", "🚀", "\u200b",
        "\"\\u0000\"", "\"\\ud800\"", "[]", "{}", "[1, 2]", "[[1]]", "{ a: 1 }", "{ id: x }", "[{ a: [1, {b: 2}] }]",
        "!!str 5", "!!int x", "!!float abc", "!!binary AAAA", "!!map {}", "!custom x", "&x 1", "*x", "*undefined",
        "|\n  text", ">-\n  folded", "- a", "? a", ": a", "@", "`", "%TAG", "{", "[", "}", "]", "\"unterminated", "'x",
        "a: b: c", "#", "---", "...", "tabriz", "sejjil-2", "epaa-phase-3-2018", "athens", "missiles", "shaped",
        "notional", "wgs84", "sphere", "ussa1976", "adaptive",
    ];

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (6, Gen.Int[0, SpecialScalars.Length - 1].Select(i => SpecialScalars[i])),
        (2, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double[-1000, 1000].Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.String[Gen.Char.AlphaNumeric, 0, 12]),
        (1, Gen.String[Gen.Char, 0, 8].Select(s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")),
        (1, Gen.String[0, 6]),
        (1, Gen.Int[0, Keys.Length - 1].Select(i => Keys[i])),
        (1, Gen.Int[1, 20_000].Select(n => new string('9', n))));

    private static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Int[0, MutationKinds - 1], Gen.Int[0, 100_000], Gen.Int[0, 100_000], Scalar,
            (kind, a, b, value) => new Mutation(kind, a, b, value));

    private static Gen<string> Input((string Name, string Text)[] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], MutationGen.Array[1, 4])
            .Select((seed, mutations) => mutations.Aggregate(seeds[seed].Text, (text, m) => Apply(m, text, seeds)));

    [GeneratedRegex(@"(?<=:[ \t]+)[^\s,{}\[\]#&*!][^,{}\[\]\n#]*?(?=\s*(,|\}|\]|$|#))", RegexOptions.Multiline)]
    private static partial Regex ScalarValue();

    [GeneratedRegex(@"(?<=^[ \t-]*|[{,][ \t]*)(""[^""\n]*""|[A-Za-z_*][\w.*-]*)(?=[ \t]*:)", RegexOptions.Multiline)]
    private static partial Regex KeyName();

    private static string Apply(Mutation m, string text, (string Name, string Text)[] seeds)
    {
        var lines = text.Split('\n').ToList();
        int Line(int k) => lines.Count == 0 ? 0 : k % lines.Count;
        switch (m.Kind)
        {
            case 0: // delete a line
                if (lines.Count > 1)
                {
                    lines.RemoveAt(Line(m.A));
                }

                break;
            case 1: // duplicate a line
                lines.Insert(Line(m.A), lines[Line(m.A)]);
                break;
            case 2: // swap two lines
                (lines[Line(m.A)], lines[Line(m.B)]) = (lines[Line(m.B)], lines[Line(m.A)]);
                break;
            case 3: // replace a scalar value
            case 4:
            case 5:
                return ReplaceMatch(ScalarValue(), text, m.A, m.Value);
            case 6: // rename a key
                return ReplaceMatch(KeyName(), text, m.A, m.B % 3 == 0 ? m.Value : Keys[m.B % Keys.Length]);
            case 7: // drop a key and its value (the line)
                return DropKey(text, m.A);
            case 8: // truncate
                return text[..(m.A % (text.Length + 1))];
            case 9: // an anchor on one value and aliases to it elsewhere (possibly a chain of them)
                return Anchors(text, m);
            case 10: // deep nesting in place of a value
                {
                    int depth = 1 + m.B % 100;
                    string nested = (m.B % 2 == 0)
                        ? new string('[', depth) + m.Value.Replace("\n", " ") + new string(']', depth)
                        : string.Concat(Enumerable.Repeat("{ a: ", depth)) + "1" + new string('}', depth);
                    return ReplaceMatch(ScalarValue(), text, m.A, nested);
                }
            case 11: // odd characters: a BOM, a tab, a NUL, a CR, a surrogate, at a random point
                {
                    string[] odd = ["\uFEFF", "\t", "\0", "\r", "\r\n", "\uD800", "\u00A0", "\u2028", "\x1b", "  ", "\"", "'", ":", "- ", "#"];
                    string c = odd[m.B % odd.Length];
                    return m.A % 4 == 0 ? c + text : text.Insert(m.A % (text.Length + 1), c);
                }
            case 12: // re-indent a line
                {
                    int i = Line(m.A);
                    string l = lines[i];
                    lines[i] = m.B % 2 == 0 ? new string(' ', 1 + m.B % 7) + l : l.TrimStart();
                    break;
                }
            case 13: // splice in a line of another seed, or a new key with a generated value
                {
                    string line = m.B % 2 == 0
                        ? seeds[m.B % seeds.Length].Text.Split('\n') is var other ? other[m.B / 2 % other.Length] : ""
                        : $"{new string(' ', m.B % 3 * 2)}{Keys[m.B % Keys.Length]}: {m.Value}";
                    lines.Insert(m.A % (lines.Count + 1), line);
                    break;
                }
        }

        return string.Join('\n', lines);
    }

    private static string ReplaceMatch(Regex regex, string text, int k, string replacement)
    {
        var matches = regex.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        Match match = matches[k % matches.Count];
        return string.Concat(text.AsSpan(0, match.Index), replacement, text.AsSpan(match.Index + match.Length));
    }

    private static string DropKey(string text, int k)
    {
        var matches = KeyName().Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        Match match = matches[k % matches.Count];
        int start = text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
        int end = text.IndexOf('\n', match.Index);
        return end < 0 ? text[..start] : text.Remove(start, end - start + 1);
    }

    private static string Anchors(string text, Mutation m)
    {
        var values = ScalarValue().Matches(text);
        if (values.Count < 2)
        {
            return text;
        }

        Match anchored = values[m.A % values.Count];
        Match alias = values[m.B % values.Count];
        string name = m.B % 5 == 0 ? "undefined" : "x";
        if (alias.Index == anchored.Index)
        {
            return string.Concat(text.AsSpan(0, anchored.Index), "&x ", text.AsSpan(anchored.Index));
        }

        // Apply the later edit first so that the earlier index stays valid.
        var edits = new[] { (anchored.Index, anchored.Length, "&x " + anchored.Value), (alias.Index, alias.Length, "*" + name) }
            .OrderByDescending(e => e.Index);
        var sb = new StringBuilder(text);
        foreach (var (index, length, replacement) in edits)
        {
            sb.Remove(index, length).Insert(index, replacement);
        }

        if (m.A % 3 == 0)
        {
            // A chain of lists of aliases (a bounded "billion laughs").
            sb.Insert(0, "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 1 + m.B % 8)
                .Select(i => $"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n")));
        }

        return sb.ToString();
    }
}
