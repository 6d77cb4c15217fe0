namespace Bulwark.Catalog.Reading;

/// <summary>
/// The problems of one input file, collected so that <c>bulwark validate</c> can list them all while a run throws the
/// first (scenario and study files alike).
/// </summary>
internal sealed class ProblemList : List<InputException>
{
    /// <summary>Runs one reading step, keeping its <see cref="InputException"/> (if any) and going on.</summary>
    public void Collect(Action read)
    {
        try
        {
            read();
        }
        catch (InputException e)
        {
            Add(e);
        }
    }

    /// <summary>The parsed file, or null with the parse error kept (nothing else can be read from malformed YAML).</summary>
    public YamlNode? Parse(string file, string text)
    {
        try
        {
            return YamlNode.Parse(file, text);
        }
        catch (InputException e)
        {
            Add(e);
            return null;
        }
    }
}
