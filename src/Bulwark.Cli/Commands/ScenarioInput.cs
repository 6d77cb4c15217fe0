using System.Text.Json;
using Bulwark.Catalog;

namespace Bulwark.Cli.Commands;

/// <summary>What the scenario verbs (see, engage) share: reading the scenario and the format, writing times.</summary>
internal static class ScenarioInput
{
    /// <summary>The scenario file, which must name an architecture for <paramref name="verb"/>.</summary>
    public static Scenario LoadWithArchitecture(string file, string verb)
    {
        Scenario s = ScenarioLoader.Load(file, FlyCommand.ReadFile(file));
        return s.Architecture is null ? throw new InputException(file, null, null, "architecture", $"missing: `{verb}` needs an architecture") : s;
    }

    /// <summary>table or json (these verbs have no CSV form).</summary>
    public static OutputFormat TableOrJson(string value, string verb)
    {
        OutputFormat fmt = CommonOptions.ParseFormat(value);
        return fmt == OutputFormat.Csv ? throw new InputException(null, null, null, "--format", $"{verb} prints table or json") : fmt;
    }

    /// <summary>A time in seconds rounded to <paramref name="decimals"/>, or null.</summary>
    public static void Time(Utf8JsonWriter w, string key, double? t, int decimals = 3)
    {
        if (t is { } x)
        {
            w.WriteNumber(key, Math.Round(x, decimals));
        }
        else
        {
            w.WriteNull(key);
        }
    }
}
