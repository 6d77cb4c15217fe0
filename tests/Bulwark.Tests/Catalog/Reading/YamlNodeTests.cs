using Bulwark.Catalog.Reading;

namespace Bulwark.Tests.Catalog.Reading;

public class YamlNodeTests
{
    // Columns counted by hand (1-based):
    //          1         2         3
    // 123456789012345678901234567890123456
    private const string Text =
        "name: test\n" +                             // 1: value at column 7
        "stages:\n" +                                // 2
        "  - gross_mass_kg: 100\n" +                 // 3: the list starts at column 3, the first item's mapping at 5
        "    burn_time_s: 5\n" +                     // 4
        "  - gross_mass_kg: abc\n" +                 // 5: "abc" at column 20
        "    burn_time_s: -6\n" +                    // 6: "-6" at column 18
        "initial: { lat_deg: 95, lon_dg: 3 }\n" +    // 7: mapping at 10, "95" at 21, key "lon_dg" at 25
        "empty: ''\n";                               // 8

    private static YamlNode Root => YamlNode.Parse("f.yaml", Text);

    private static InputException Fails(Action read) => Assert.Throws<InputException>(read);

    [Fact]
    public void LinesAndColumnsAreOneBasedAndPointAtTheValue()
    {
        YamlNode root = Root;
        Assert.Equal((1, 1, ""), (root.Line, root.Column, root.Path));
        YamlNode name = root.Get("name");
        Assert.Equal((1, 7, "name"), (name.Line, name.Column, name.Path));
        YamlNode stages = root.Get("stages");
        Assert.Equal((3, 3), (stages.Line, stages.Column));
        YamlNode second = stages.Items()[1];
        Assert.Equal((5, 5, "stages[1]"), (second.Line, second.Column, second.Path));
        YamlNode gross = second.Get("gross_mass_kg");
        Assert.Equal((5, 20, "stages[1].gross_mass_kg"), (gross.Line, gross.Column, gross.Path));
        YamlNode lat = root.Get("initial").Get("lat_deg");
        Assert.Equal((7, 21, "initial.lat_deg"), (lat.Line, lat.Column, lat.Path));
        Assert.Equal("test", name.String());
        Assert.Equal(100, stages.Items()[0].Get("gross_mass_kg").Number());
    }

    [Fact]
    public void AnErrorNamesFileLineColumnAndKeyPath()
    {
        InputException e = Fails(() => Root.Get("stages").Items()[1].Get("gross_mass_kg").Number());
        Assert.Equal(("f.yaml", 5, 20, "stages[1].gross_mass_kg"), (e.File, e.Line, e.Column, e.Key));
        Assert.Equal("expected a number, got 'abc'", e.Problem);
        Assert.Equal("f.yaml:5:20: stages[1].gross_mass_kg: expected a number, got 'abc'", e.Message);
    }

    [Fact]
    public void UnknownKeysAreRejectedWithTheAllowedKeysAtTheKey()
    {
        InputException e = Fails(() => Root.Get("initial").OnlyKeys("lat_deg", "lon_deg", "alt_m"));
        Assert.Equal((7, 25, "initial.lon_dg"), (e.Line, e.Column, e.Key));
        Assert.Equal("unknown key; expected one of: lat_deg, lon_deg, alt_m", e.Problem);

        InputException top = Fails(() => Root.OnlyKeys("name", "stages", "initial"));
        Assert.Equal((8, 1, "empty"), (top.Line, top.Column, top.Key));

        Root.OnlyKeys("name", "stages", "initial", "empty"); // all known: no error
    }

    [Fact]
    public void AMissingKeyIsReportedAtTheMappingThatLacksIt()
    {
        InputException atRoot = Fails(() => Root.Get("payload_mass_kg"));
        Assert.Equal((1, 1, (string?)null), (atRoot.Line, atRoot.Column, atRoot.Key));
        Assert.Equal("missing key 'payload_mass_kg'", atRoot.Problem);

        InputException nested = Fails(() => Root.Get("initial").Get("alt_m"));
        Assert.Equal((7, 10, "initial"), (nested.Line, nested.Column, nested.Key));
        Assert.Equal("missing key 'alt_m' in this mapping", nested.Problem);
        Assert.Null(Root.TryGet("payload_mass_kg"));
        Assert.False(Root.Has("payload_mass_kg"));
        Assert.True(Root.Has("initial"));
    }

    [Fact]
    public void RangeAndSignChecksSayWhatWasExpected()
    {
        InputException range = Fails(() => Root.Get("initial").Get("lat_deg").Number(-90, 90, "a latitude in degrees from −90 to 90"));
        Assert.Equal("95 is out of range; expected a latitude in degrees from −90 to 90", range.Problem);
        Assert.Equal(95, Root.Get("initial").Get("lat_deg").Number(-90, 95, "inclusive"));

        YamlNode burn = Root.Get("stages").Items()[1].Get("burn_time_s");
        Assert.Equal("-6 is not allowed; expected a burn time greater than 0", Fails(() => burn.Positive("a burn time")).Problem);
        Assert.Equal("-6 is not allowed; expected a burn time of at least 0", Fails(() => burn.NonNegative("a burn time")).Problem);
        Assert.Equal((6, 18), (Fails(() => burn.Positive("x")).Line, Fails(() => burn.Positive("x")).Column));
    }

    [Fact]
    public void WrongShapesAreNamed()
    {
        Assert.Equal("expected a list", Fails(() => Root.Get("initial").Items()).Problem);
        Assert.Equal("expected a mapping of keys to values, got 'test'", Fails(() => Root.Get("name").Get("x")).Problem);
        Assert.Equal("expected a mapping of keys to values, got a list", Fails(() => Root.Get("stages").OnlyKeys("x")).Problem);
        Assert.Equal("expected a number, got a mapping", Fails(() => Root.Get("initial").Number()).Problem);
        Assert.Equal("expected a text value", Fails(() => Root.Get("empty").String()).Problem);
        Assert.Equal("expected a text value", Fails(() => Root.Get("stages").String()).Problem);
        Assert.True(Root.Get("stages").IsSequence);
        Assert.True(Root.Get("initial").IsMapping);
        Assert.True(Root.Get("name").IsScalar);
    }

    [Theory]
    [InlineData("1e3", 1000.0)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+0.125", 0.125)]
    [InlineData("7", 7.0)]
    public void NumbersAreReadInTheInvariantCulture(string text, double expected) =>
        Assert.Equal(expected, YamlNode.Parse("n.yaml", $"x: {text}\n").Get("x").Number());

    [Theory]
    [InlineData("1,5")]
    [InlineData(".inf")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("ten")]
    public void NonFiniteOrMalformedNumbersAreRejected(string text)
    {
        InputException e = Fails(() => YamlNode.Parse("n.yaml", $"x: {text}\n").Get("x").Number());
        Assert.Equal($"expected a number, got '{text}'", e.Problem);
        Assert.Equal((1, 4), (e.Line, e.Column));
    }

    [Fact]
    public void UnreadableDocumentsAreLocatedErrors()
    {
        InputException empty = Fails(() => YamlNode.Parse("e.yaml", ""));
        Assert.Equal(("e.yaml", 1, 1), (empty.File, empty.Line, empty.Column));
        Assert.Contains("the file is empty", empty.Problem);

        InputException scalar = Fails(() => YamlNode.Parse("s.yaml", "just words\n"));
        Assert.Contains("expected a mapping of keys to values at the top of the file", scalar.Problem);

        InputException broken = Fails(() => YamlNode.Parse("b.yaml", "a: 1\nb: [1, 2\nc: 3\n"));
        Assert.StartsWith("not valid YAML", broken.Problem);
        Assert.InRange(broken.Line ?? 0, 2, 4);
    }

    [Fact]
    public void DuplicateKeysAreLocatedErrors()
    {
        InputException e = Fails(() => YamlNode.Parse("d.yaml", "a: 1\na: 2\n"));
        Assert.Equal(2, e.Line);
        Assert.StartsWith("not valid YAML", e.Problem);
    }

    [Theory]
    [InlineData("? [a, b]\n: 1\n")]
    [InlineData("{[1]: 2}\n")]
    public void ANonScalarKeyIsALocatedInputError(string text)
    {
        // YAML allows a list or mapping as a key; no Bulwark file has one, so it is bad input. The class contract
        // (typed reads fail with an InputException; bad input is exit code 2 with a located message, never an internal
        // error) requires an InputException at line 1, not the InvalidCastException that OnlyKeys' cast to a scalar throws.
        YamlNode root = YamlNode.Parse("k.yaml", text);
        Exception? e = Record.Exception(() => root.OnlyKeys("a", "b"));
        InputException input = Assert.IsType<InputException>(e);
        Assert.Equal(1, input.Line);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsALocatedErrorNotAStackOverflow()
    {
        InputException e = Fails(() => YamlNode.Parse("deep.yaml", "a: " + new string('[', 30_000) + new string(']', 30_000)));
        Assert.Equal(("deep.yaml", 1), (e.File, e.Line));
        Assert.Contains($"nested more than {InputLimits.MaxDepth} deep", e.Message);
        string atTheLimit = "a: " + new string('[', InputLimits.MaxDepth - 1) + new string(']', InputLimits.MaxDepth - 1);
        Assert.True(YamlNode.Parse("ok.yaml", atTheLimit).Get("a").IsSequence);
    }

    [Theory]
    [InlineData("a: &x { *x : 1, *x : 2 }\n", 1, "the alias *x is inside the node it names")] // was a stack overflow in YamlDotNet
    [InlineData("a: b\nc:\n  : d\n  e: 1\n", 3, "a value without a key")] // was an ArgumentException from YamlDotNet
    [InlineData("a: &x [1, [2, [3]]]\nb: [[[[*x]]]]\n", 2, "aliases stand for")]
    [InlineData("a: *nowhere\n", 1, "not valid YAML")]
    public void AliasCyclesBombsAndKeylessValuesAreLocatedErrors(string text, int line, string problem)
    {
        if (problem == "aliases stand for")
        {
            // Ten lists of ten aliases, each to the list before: 10^9 values (a "billion laughs").
            text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
                $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));
            line = 5;
        }

        InputException e = Fails(() => YamlNode.Parse("a.yaml", text));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
        Assert.True(YamlNode.Parse("ok.yaml", "a: &x [1, 2]\nb: *x\nc: [*x, *x]\n").Get("c").IsSequence);
    }

    [Fact]
    public void AliasesCountTowardTheNestingLimit()
    {
        string deep = new string('[', 40) + new string(']', 40);
        InputException e = Fails(() => YamlNode.Parse("a.yaml", $"a: &x {deep}\nb: {new string('[', 30)}*x{new string(']', 30)}\n"));
        Assert.Contains("counting what aliases stand for", e.Message);
    }

    [Fact]
    public void TextLongerThanTheLimitIsRefusedBeforeParsing()
    {
        InputException e = Fails(() => YamlNode.Parse("big.yaml", "a: " + new string('x', InputLimits.MaxInputChars)));
        Assert.Contains("larger than 16 MiB", e.Message);
    }
}
