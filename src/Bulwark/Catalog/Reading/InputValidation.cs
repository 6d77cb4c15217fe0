using Bulwark.Flight.Vehicles;

namespace Bulwark.Catalog.Reading;

/// <summary>
/// Checks an input file of any kind, told apart by its top-level keys: <c>study</c> for a study file, <c>initial</c> for a
/// flight file, <c>stages</c> or <c>burnout</c> for a missile file, else a scenario (<c>bulwark validate</c>).
/// </summary>
public static class InputValidation
{
    /// <summary>Every problem of one file (empty when it is valid); a flight file's <c>missile:</c> value goes to <paramref name="missileResolver"/>.</summary>
    public static IReadOnlyList<InputException> Validate(string file, string text, Func<string, IGuidedMissile> missileResolver)
    {
        try
        {
            YamlNode root = YamlNode.Parse(file, text);
            if (StudyReader.IsStudy(root))
            {
                return StudyReader.Validate(file, text);
            }

            if (root.Has("initial"))
            {
                FlightFile.Parse(file, text, missileResolver).Check();
                return [];
            }

            if (root.Has("stages") || root.Has("burnout"))
            {
                MissileFile.Parse(file, text);
                return [];
            }

            return ScenarioLoader.Validate(file, text);
        }
        catch (InputException e)
        {
            return [e];
        }
    }
}
