using Bulwark.Catalog;

namespace Bulwark.Cli.Commands;

/// <summary>What the scenario verbs (see, engage) share: reading the scenario and the format.</summary>
internal static class ScenarioInput
{
    /// <summary>The scenario file, which must name an architecture for <paramref name="verb"/>.</summary>
    public static Scenario LoadWithArchitecture(string file, string verb)
    {
        Scenario s = ScenarioLoader.Load(file, InputFiles.Read(file));
        return s.Architecture is null ? throw s.Missing("architecture", $"missing: `{verb}` needs an architecture") : s;
    }

    /// <summary>table or json (these verbs have no CSV form).</summary>
    public static OutputFormat TableOrJson(string value, string verb)
    {
        OutputFormat fmt = CommonOptions.ParseFormat(value);
        return fmt == OutputFormat.Csv ? throw new InputException(null, null, null, "--format", $"{verb} prints table or json") : fmt;
    }
}
