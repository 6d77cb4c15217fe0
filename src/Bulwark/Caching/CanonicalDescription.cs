using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Bulwark.Caching;

/// <summary>
/// A canonical text of an object graph, for content-addressed keys (<see cref="DiskStore.KeyOf(string)"/>): every
/// instance field of every object, by its runtime type, recursively (a record's numbers, a drag table's Mach and Cd
/// arrays, the atmosphere model's type), doubles as their exact bits, collections element by element. Two graphs get the
/// same text exactly when every number in them is the same, so a key made from it changes whenever anything that shapes
/// a stored result changes: no hand-kept fingerprint can miss a field added later.
/// </summary>
/// <remarks>
/// Written by reflection rather than with a serialiser because serialisers follow declared types (an
/// <c>IAtmosphere</c> property would lose which atmosphere it is) and skip private fields (the arrays behind a drag
/// table). Delegates are described by their method; graphs deeper than <see cref="MaxDepth"/> are refused (a cycle).
/// </remarks>
public static class CanonicalDescription
{
    /// <summary>The deepest object graph described.</summary>
    public const int MaxDepth = 32;

    /// <summary>The canonical text of <paramref name="value"/>.</summary>
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"the object graph is deeper than {MaxDepth} levels (a cycle?)");
        }

        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case double d:
                sb.Append("d:").Append(BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture));
                return;
            case float f:
                sb.Append("f:").Append(BitConverter.SingleToInt32Bits(f).ToString("x8", CultureInfo.InvariantCulture));
                return;
            case string s:
                sb.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case Enum e:
                sb.Append(e.GetType().FullName).Append('.').Append(e.ToString());
                return;
            case IFormattable p when value.GetType().IsPrimitive || value is decimal:
                sb.Append(p.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case char c:
                sb.Append('\'').Append(c).Append('\'');
                return;
            case Delegate del:
                sb.Append("delegate:").Append(del.Method.DeclaringType?.FullName).Append('.').Append(del.Method.Name);
                return;
            case Type t:
                sb.Append("type:").Append(t.FullName);
                return;
            case IEnumerable items:
                sb.Append(value.GetType().FullName).Append('[');
                foreach (object? item in items)
                {
                    Write(sb, item, depth + 1);
                    sb.Append(',');
                }

                sb.Append(']');
                return;
        }

        Type type = value.GetType();
        sb.Append(type.FullName).Append('{');
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                sb.Append(field.Name).Append('=');
                Write(sb, field.GetValue(value), depth + 1);
                sb.Append(';');
            }
        }

        sb.Append('}');
    }
}
