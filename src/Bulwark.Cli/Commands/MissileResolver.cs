using Bulwark.Catalog;
using Bulwark.Flight.Vehicles;
using Bulwark.Catalog.Reading;

namespace Bulwark.Cli.Commands;

/// <summary>A <c>--missile</c> or <c>missile:</c> value: a catalog id, or the path of a missile file.</summary>
internal static class MissileResolver
{
    public static IGuidedMissile Resolve(string value, BulwarkCatalog? catalog = null)
    {
        catalog ??= BulwarkCatalog.BuiltIn;
        if (catalog.Find(value) is { Kind: "missiles" })
        {
            return catalog.Missile(value);
        }

        if (File.Exists(value) || value.EndsWith(".yaml", StringComparison.Ordinal) || value.EndsWith(".yml", StringComparison.Ordinal))
        {
            return MissileFile.Parse(value, InputFiles.Read(value));
        }

        throw new InputException(null, null, null, "--missile",
            $"'{value}' is neither a catalog missile ({string.Join(", ", catalog.OfKind("missiles").Select(e => e.Id))}) nor a missile file");
    }
}
