// Deliberate violations of DESIGN §2, one per rule, under their own root namespace: LayeringViolationTests applies the
// product's rules to them and expects each rule to fail. Nothing else uses these types.
#pragma warning disable CA1822, IDE0051

namespace Bulwark.Architecture.Tests.Fixtures.Catalog.Reading
{
    /// <summary>Stands for the catalog's YAML node.</summary>
    public sealed class YamlNode
    {
        public string Text { get; init; } = "";
    }
}

namespace Bulwark.Architecture.Tests.Fixtures.Catalog
{
    /// <summary>A catalog entry that reaches up into Analysis (a lower layer referencing a higher one).</summary>
    public sealed class Entry
    {
        public Analysis.Result? Last { get; init; }
    }
}

namespace Bulwark.Architecture.Tests.Fixtures.Integration
{
    /// <summary>Stands for the integrator (physics machinery).</summary>
    public sealed class Stepper
    {
        public double Step(double y) => y * 2;
    }

    /// <summary>An exception of the machinery: the edges may catch it.</summary>
    public sealed class StepFailedException(string message) : System.Exception(message);
}

namespace Bulwark.Architecture.Tests.Fixtures.Flight
{
    /// <summary>Physics that reads a file (the physics does no I/O).</summary>
    public static class ReadsAFile
    {
        public static string Drag(string path) => System.IO.File.ReadAllText(path);
    }

    /// <summary>Physics that references the catalog (a layer above it).</summary>
    public static class KnowsTheCatalog
    {
        public static string Name(Catalog.Entry entry) => entry.ToString() ?? "";
    }
}

namespace Bulwark.Architecture.Tests.Fixtures.Analysis
{
    /// <summary>An analysis result that knows its writer: Analysis → Output, and with <see cref="Output.Writer"/> a cycle.</summary>
    public sealed class Result
    {
        public string Render() => new Output.Writer().Write(this);
    }
}

namespace Bulwark.Architecture.Tests.Fixtures.Output
{
    /// <summary>A writer that reads YAML (only the catalog does).</summary>
    public sealed class Writer
    {
        public string Write(Analysis.Result result) => result.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string Echo(Catalog.Reading.YamlNode node) => node.Text;
    }
}

namespace Bulwark.Architecture.Tests.Fixtures.Cli
{
    /// <summary>An edge that steps the integrator itself (the edges compute no physics), and catches its exception (allowed).</summary>
    public static class Command
    {
        public static double Run(double y)
        {
            try
            {
                return new Integration.Stepper().Step(y);
            }
            catch (Integration.StepFailedException)
            {
                return double.NaN;
            }
        }
    }

    /// <summary>An edge that only catches the machinery's exception: allowed.</summary>
    public static class Catches
    {
        public static string Describe(System.Exception e) => e is Integration.StepFailedException f ? f.Message : "";
    }
}
