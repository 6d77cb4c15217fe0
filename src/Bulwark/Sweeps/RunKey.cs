using System.Globalization;
using System.Text;
using Bulwark.Caching;

namespace Bulwark.Sweeps;

/// <summary>
/// A run's key: the SHA-256 (lowercase hex) of <see cref="CanonicalText"/>, which holds the study, the model and code
/// version the caller gives, and every input's name and value as its exact 64 bits, in order. Two runs share a key
/// exactly when they would compute the same thing, so a key found in the store is a run that need not be run again, and a
/// change to any number, to the study or to the version makes a new key (the old rows stay).
/// </summary>
public static class RunKey
{
    /// <summary>The first line of the canonical text: changes if the text's layout ever does.</summary>
    public const string Format = "bulwark-sweep-run/1";

    /// <summary>The canonical text of a run (UTF-8 before hashing; names escaped so no two runs share a text).</summary>
    public static string CanonicalText(string studyId, string modelVersion, InputSet inputs)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        ArgumentNullException.ThrowIfNull(modelVersion);
        ArgumentNullException.ThrowIfNull(inputs);
        var sb = new StringBuilder();
        sb.Append(Format).Append('\n');
        sb.Append("study ").Append(Escape(studyId)).Append('\n');
        sb.Append("version ").Append(Escape(modelVersion)).Append('\n');
        foreach (var (name, value) in inputs.Values)
        {
            sb.Append("input ").Append(Escape(name)).Append(' ')
              .Append(BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The key of a run: SHA-256 of <see cref="CanonicalText"/>, 64 lowercase hex digits.</summary>
    public static string Of(string studyId, string modelVersion, InputSet inputs) =>
        DiskStore.KeyOf(CanonicalText(studyId, modelVersion, inputs));

    // A quoted string with backslash, quote and line breaks escaped: a name can then never end a line or a field early.
    private static string Escape(string s) => '"' + s.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\r", StringComparison.Ordinal) + '"';
}
